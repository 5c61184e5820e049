namespace Cutover.Pipelines.Containers;

/// <summary>A build stage: one <c>FROM</c> and the instructions up to the next.</summary>
/// <param name="Line">The line of the stage's <c>FROM</c>.</param>
/// <param name="Image">The base image as written (it may hold <c>${ARG}</c> references).</param>
/// <param name="Name">The stage's name after <c>AS</c>, or null.</param>
/// <param name="Instructions">The instructions after <c>FROM</c>.</param>
public sealed record DockerfileStage(int Line, string Image, string? Name, IReadOnlyList<DockerfileInstruction> Instructions)
{
    /// <summary>The instructions with this keyword, in order.</summary>
    public IEnumerable<DockerfileInstruction> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword);
}
