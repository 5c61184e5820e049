namespace Cutover.Pipelines.Local;

/// <summary>How a stage command ended, and what it printed (stdout and stderr interleaved, up to a limit).</summary>
public sealed record CommandResult(int ExitCode, bool TimedOut, string? StartError, IReadOnlyList<string> Output)
{
    public const int TailLines = 30;

    public bool Succeeded => ExitCode == 0 && !TimedOut && StartError is null;

    public IReadOnlyList<string> Tail => Output.Count <= TailLines ? Output : [.. Output.Skip(Output.Count - TailLines)];

    /// <summary>"exited with code 1", "timed out after 5m", "could not start: ...".</summary>
    public string Describe(StageCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return StartError is not null ? $"`{command}` could not start: {StartError}"
            : TimedOut ? $"`{command}` timed out after {command.Timeout}"
            : $"`{command}` exited with code {ExitCode}";
    }
}
