using System.Runtime.InteropServices;

namespace Cutover.Local.Prometheus;

/// <summary>
/// Sends SIGTERM. .NET can only kill (SIGKILL) a child; Prometheus needs SIGTERM to close its TSDB cleanly.
/// </summary>
internal static class UnixSignal
{
    private const int SigTerm = 15;

    /// <summary>True when the signal was delivered; false when the process is gone or the platform has no signals.</summary>
    public static bool Terminate(int processId) => !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
