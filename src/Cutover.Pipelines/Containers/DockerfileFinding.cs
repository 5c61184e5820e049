namespace Cutover.Pipelines.Containers;

/// <summary>One problem <see cref="DockerfileChecks"/> found.</summary>
/// <param name="Path">The Dockerfile.</param>
/// <param name="Line">The line, 1-based.</param>
/// <param name="Rule">The rule's id, one of <see cref="DockerfileRules"/>.</param>
/// <param name="Message">What is wrong and what to do instead.</param>
public sealed record DockerfileFinding(string Path, int Line, string Rule, string Message)
{
    /// <summary><c>path:line: [rule] message</c>.</summary>
    public override string ToString() => $"{Path}:{Line}: [{Rule}] {Message}";
}
