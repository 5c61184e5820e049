namespace Cutover.Local.Logs;

/// <summary>
/// Read position in one instance's log file. <see cref="Offset"/> only ever moves past whole lines (or a last
/// line given up on), so a line cut by a read is read whole next time.
/// </summary>
internal sealed class LogFileTailer(InstanceLogFile file, long offset)
{
    public InstanceLogFile File { get; } = file;

    /// <summary>Bytes of the file handed out as lines so far.</summary>
    public long Offset { get; set; } = offset;

    /// <summary>The file's length when last looked at, and since when it has had that length.</summary>
    public long LastLength { get; set; } = -1;

    public long LastGrowthTimestamp { get; set; }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>'s length from <see cref="Offset"/>; returns how many bytes were read,
    /// 0 when there is nothing new or the file is gone.
    /// </summary>
    public int Read(byte[] buffer, long length)
    {
        var wanted = (int)Math.Min(buffer.Length, length - Offset);
        if (wanted <= 0)
        {
            return 0;
        }

        try
        {
            using var stream = new FileStream(File.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            stream.Seek(Offset, SeekOrigin.Begin);
            return stream.ReadAtLeast(buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
