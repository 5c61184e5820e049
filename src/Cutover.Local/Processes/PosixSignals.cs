using System.Runtime.InteropServices;

namespace Cutover.Local.Processes;

/// <summary>
/// SIGTERM for graceful stops: .NET's Process.Kill only sends SIGKILL, which gives an instance no chance to finish
/// its in-flight requests.
/// </summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigUsr1 = 10;

    /// <summary>Sends <paramref name="signal"/>; false when the process is already gone.</summary>
    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    /// <summary>True when a process with this id exists (signal 0 checks without sending anything).</summary>
    public static bool Exists(int processId) => processId > 0 && Kill(processId, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
