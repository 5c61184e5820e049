using System.Diagnostics;

namespace Cutover.Testing;

/// <summary>
/// A real file system of a few hundred KiB (a tmpfs mounted on a temporary directory) that tests fill to the last
/// byte, so ENOSPC comes from the kernel and not from a fake. Needs root, as CI has; elsewhere the test fails saying so.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount(int kibibytes)
    {
        var path = Directory.CreateTempSubdirectory("cutover-small-disk-").FullName;
        var (exitCode, output) = Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k,mode=0755", "tmpfs", path);
        if (exitCode != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mounting a {kibibytes} KiB tmpfs on {path} failed (this test needs root): {output}");
        }

        return new SmallDisk(path);
    }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Writes a filler file until the kernel refuses a byte more.</summary>
    public void Fill()
    {
        var filler = Filler;
        using var stream = new FileStream(filler, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // Full in 4 KiB units; the last bytes go one by one so not even a small record fits.
        }

        try
        {
            while (true)
            {
                stream.WriteByte(0);
            }
        }
        catch (IOException)
        {
            // Not a byte more fits.
        }
    }

    /// <summary>Deletes what <see cref="Fill"/> wrote.</summary>
    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
