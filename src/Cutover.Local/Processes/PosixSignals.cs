using System.Runtime.InteropServices;

namespace Cutover.Local.Processes;

/// <summary>
/// kill(2): .NET's Process.Kill only sends SIGKILL, which gives a child no chance to stop gracefully (an instance
/// finishing its in-flight requests, Prometheus closing its TSDB, HAProxy's soft stop).
/// </summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>SIGUSR1 (HAProxy's soft stop): 10 on Linux, 30 on macOS and FreeBSD.</summary>
    public static int SigUsr1 { get; } = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 30 : 10;

    /// <summary>Sends <paramref name="signal"/>; false when the process is already gone.</summary>
    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    /// <summary>True when a process with this id exists (signal 0 checks without sending anything).</summary>
    public static bool Exists(int processId) => processId > 0 && Kill(processId, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
