namespace Cutover.Testing.Load;

/// <summary>What a load run saw: every success with its version, every failure with its reason.</summary>
public sealed record LoadReport(IReadOnlyList<LoadSample> Samples, IReadOnlyList<string> Failures)
{
    public int Total => Samples.Count + Failures.Count;

    public int CountFor(string version) => Samples.Count(s => s.Version == version);

    /// <summary>Failures of requests sent at or after <paramref name="fromMs"/> (failures are recorded as "{sent}ms: why").</summary>
    public IReadOnlyList<string> FailuresStartedAfter(long fromMs) =>
        [.. Failures.Where(f => long.TryParse(f.AsSpan(0, f.IndexOf("ms:", StringComparison.Ordinal)), out var sent) && sent >= fromMs)];

    /// <summary>Versions that answered requests sent at or after <paramref name="fromMs"/>.</summary>
    public IReadOnlySet<string> VersionsAfter(long fromMs) => Samples.Where(s => s.StartedMs >= fromMs).Select(s => s.Version).ToHashSet();
}
