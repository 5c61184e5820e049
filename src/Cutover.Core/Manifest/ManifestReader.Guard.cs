using Cutover.Core.Guard;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>release.guard</c>: the fail-fast guard's switch, error bound, detectable difference and read interval.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] GuardFields = ["enabled", "falseAlarmRate", "detectRatio", "minimumDifference", "interval"];

    // Finer than 50 ms the counters hold too few requests to move; slower than 10 s the guard is no faster than the alarms.
    private static readonly TimeSpan MinGuardInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxGuardInterval = TimeSpan.FromSeconds(10);

    /// <summary><c>release.guard.enabled: true</c> as written, kept to refuse it beside an aws environment.</summary>
    private YamlField? _guardEnabledField;

    private FailFastGuardSpec ReadGuard(YamlField field)
    {
        var map = OpenMap(field, GuardFields);
        var defaults = new FailFastGuardSpec();
        var enabled = Bool(map, "enabled");
        if (enabled == true)
        {
            _guardEnabledField = map.Get("enabled");
        }

        return new FailFastGuardSpec
        {
            Enabled = enabled ?? defaults.Enabled,
            FalseAlarmRate = FalseAlarmRate(map.Get("falseAlarmRate")) ?? defaults.FalseAlarmRate,
            DetectRatio = Number(map, "detectRatio", 1.01, 1000) ?? defaults.DetectRatio,
            MinimumDifference = Number(map, "minimumDifference", 0, 1) ?? defaults.MinimumDifference,
            Interval = GuardInterval(map.Get("interval")) ?? defaults.Interval,
        };
    }

    /// <summary>Above 0 (a bound of 0 would never roll back) and at most 0.5.</summary>
    private double? FalseAlarmRate(YamlField? field)
    {
        if (field is null || Number(field, 0, 0.5) is not { } rate)
        {
            return null;
        }

        if (rate == 0)
        {
            Report(field.Value.Start, field.Path, "falseAlarmRate must be greater than 0: a guard that may never be wrong never rolls back", "use a small share such as 0.001, or set enabled: false");
            return null;
        }

        return rate;
    }

    private TimeSpan? GuardInterval(YamlField? field)
    {
        if (field is null || Duration(field, allowZero: false) is not { } interval)
        {
            return null;
        }

        if (interval < MinGuardInterval || interval > MaxGuardInterval)
        {
            Report(field.Value.Start, field.Path, $"interval {interval.TotalMilliseconds:0} ms is outside 50ms-10s", "use a duration such as 250ms");
            return null;
        }

        return interval;
    }

    /// <summary>
    /// The guard reads the load balancer's per-instance counters, which only the local target has; on aws the declared
    /// CloudWatch alarms decide. Switched on explicitly beside an aws environment, it is refused rather than dropped.
    /// </summary>
    private void CheckGuardTargets(IReadOnlyDictionary<string, EnvironmentSpec> environments)
    {
        if (_guardEnabledField is not { } enabled)
        {
            return;
        }

        foreach (var environment in environments.Values.Where(e => e.Target == DeploymentTarget.Aws))
        {
            Report(
                enabled.Value.Start,
                enabled.Path,
                $"the fail-fast guard runs on the local target only, and environment '{environment.Name}' is aws, where the declared alarms decide (docs/alarms.md, \"Fail-fast guard\")",
                "delete enabled: true (the guard is on by default for local environments and off on aws), or set enabled: false");
            return;
        }
    }
}
