namespace Cutover.Core.Instances;

/// <summary>The outcome of one health probe: passed or not, and why not. <see cref="Fatal"/> means the process is gone.</summary>
public sealed record ProbeResult(bool Healthy, string Detail, bool Fatal = false)
{
    public static ProbeResult Pass { get; } = new(true, "ok");

    public static ProbeResult Fail(string detail) => new(false, detail);

    public static ProbeResult Exited(int exitCode) => new(false, $"process exited with code {exitCode}", Fatal: true);
}
