namespace Cutover.Core.Hooks;

/// <summary>A hook's outcome: exit code 0 passes; the tail of its output says why it failed.</summary>
public sealed record HookResult(bool Passed, int ExitCode, string OutputTail);
