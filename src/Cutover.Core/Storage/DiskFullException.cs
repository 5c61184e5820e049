namespace Cutover.Core.Storage;

/// <summary>
/// A write failed because the file system at <see cref="Path"/> has no space (ENOSPC) or quota (EDQUOT) left.
/// An expected failure, not a bug: callers hold, retry or answer 507, and say where the disk is full.
/// </summary>
public sealed class DiskFullException : IOException
{
    // Linux errno values: .NET puts the raw errno of a failed write into IOException.HResult on Unix.
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;

    public DiskFullException(string path, Exception? inner)
        : base($"disk full at {path}", inner)
    {
        Path = path;
    }

    public DiskFullException()
        : this("an unknown path", null)
    {
    }

    public DiskFullException(string path)
        : this(path, null)
    {
    }

    public string Path { get; }

    /// <summary>True for an I/O error that means the disk is full, whoever raised it.</summary>
    public static bool IsDiskFull(Exception exception) => exception switch
    {
        DiskFullException => true,
        IOException io => io.HResult is NoSpace or QuotaExceeded || io.InnerException is { } inner && IsDiskFull(inner),
        _ => exception.InnerException is { } cause && IsDiskFull(cause),
    };

    /// <summary>Rethrows a disk-full I/O error as a <see cref="DiskFullException"/> naming <paramref name="path"/>.</summary>
    public static DiskFullException? Wrap(Exception exception, string path) =>
        exception is DiskFullException full ? full : IsDiskFull(exception) ? new DiskFullException(path, exception) : null;
}
