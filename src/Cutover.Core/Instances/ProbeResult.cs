namespace Cutover.Core.Instances;

/// <summary>The outcome of one health probe: passed or not, and why not.</summary>
public sealed record ProbeResult(bool Healthy, string Detail)
{
    public static ProbeResult Pass { get; } = new(true, "ok");

    public static ProbeResult Fail(string detail) => new(false, detail);
}
