using System.Runtime.InteropServices;

namespace Cutover.Local.Haproxy;

/// <summary>
/// Sends SIGUSR1, HAProxy's soft stop: close the listeners, let open connections finish, exit. .NET can only send
/// SIGKILL to a process.
/// </summary>
internal static class HaproxySignal
{
    /// <summary>True when the signal was delivered; false when the process is gone or the platform has no signals.</summary>
    public static bool SoftStop(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 30 : 10) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
