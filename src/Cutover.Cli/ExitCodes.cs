namespace Cutover.Cli;

/// <summary>Exit codes of every command, documented in <c>cutover --help</c> and docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the release succeeded, the command was applied.</summary>
    public const int Success = 0;

    /// <summary>The release failed (for example the new version never became healthy), or the platform did not start.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or an invalid manifest: nothing was done.</summary>
    public const int InvalidInput = 2;

    /// <summary>The release was rolled back (aborted, a hook failed, or an alarm fired).</summary>
    public const int RolledBack = 3;

    /// <summary>The control plane is not running or did not answer: run <c>cutover up</c>.</summary>
    public const int Unreachable = 4;

    /// <summary>The control plane refused the request (a release is already running, unknown version, ...).</summary>
    public const int Refused = 5;
}
