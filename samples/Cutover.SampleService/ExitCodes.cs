namespace Cutover.SampleService;

/// <summary>Process exit codes; the release tool reads them to tell a bad configuration from a crash.</summary>
internal static class ExitCodes
{
    /// <summary>Ran and shut down cleanly (including after SIGTERM).</summary>
    public const int Success = 0;

    /// <summary>Probe mode (<c>--probe URL</c>): the URL did not answer 2xx in time.</summary>
    public const int ProbeFailed = 1;

    /// <summary>An environment variable had an invalid value; every problem is logged before exiting.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The <c>CUTOVER_FAULT_CRASH_AT_START</c> fault made the process exit before listening.</summary>
    public const int CrashedAtStart = 3;
}
