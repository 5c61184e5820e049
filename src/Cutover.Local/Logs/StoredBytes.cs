using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cutover.Local.Logs;

/// <summary>
/// Frees the disk space of the part of a log file whose lines are already stored, with fallocate(2)'s
/// FALLOC_FL_PUNCH_HOLE. Unlike truncation (logrotate's copytruncate), the file's length and the writer's O_APPEND
/// position never move, so no line written at the moment of rotation can be lost; the file's apparent size (ls) keeps
/// growing while the blocks it uses (du) stay bounded. No .NET API or served package does this.
/// </summary>
internal static partial class StoredBytes
{
    private const int PunchHole = 0x02;
    private const int KeepSize = 0x01;

    /// <summary>Deallocates bytes [0, <paramref name="length"/>); false where the file system cannot (the caller keeps the file).</summary>
    public static bool Release(string path, long length)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        return Release(handle, length);
    }

    private static bool Release(SafeFileHandle handle, long length) =>
        length <= 0 || Fallocate((int)handle.DangerousGetHandle(), PunchHole | KeepSize, 0, length) == 0;

    [LibraryImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static partial int Fallocate(int fd, int mode, long offset, long length);
}
