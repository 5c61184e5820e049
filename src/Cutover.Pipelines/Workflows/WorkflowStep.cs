namespace Cutover.Pipelines.Workflows;

/// <summary>One step of a job: an action (<c>uses:</c>) or a script (<c>run:</c>).</summary>
/// <param name="Line">The line where the step starts, 1-based.</param>
/// <param name="Name">The step's <c>name:</c>, or null.</param>
/// <param name="Uses">The <c>uses:</c> reference as written, such as <c>actions/checkout@&lt;sha&gt;</c>, or null.</param>
/// <param name="Run">The <c>run:</c> script, or null.</param>
/// <param name="With">The action's inputs.</param>
/// <param name="Env">The step's <c>env:</c>.</param>
public sealed record WorkflowStep(
    int Line,
    string? Name,
    string? Uses,
    string? Run,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyDictionary<string, string> Env)
{
    /// <summary>The action's <c>owner/repo[/path]</c> without the ref, or null for a script step.</summary>
    public string? Action => Uses is { } uses && uses.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? uses[..at] : Uses;

    /// <summary>The ref after <c>@</c> (a tag, branch or commit SHA), or null when there is none.</summary>
    public string? Ref => Uses is { } uses && uses.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? uses[(at + 1)..] : null;
}
