namespace Cutover.Core.Alarms;

/// <summary>
/// The alarms every service gets unless its manifest sets <c>alarms.useDefaults: false</c> or a rule replaces one by name.
/// All are critical rollback alarms, 2 out of 3 periods, and treat missing data as <c>missing</c>: a version that
/// reports nothing shows as INSUFFICIENT_DATA instead of passing silently as OK (docs/alarms.md).
/// </summary>
public static class DefaultAlarms
{
    /// <summary>The default period: short, because a canary step lasts seconds locally.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The defaults with the default period of 2 s.</summary>
    public static IReadOnlyList<AlarmSpec> Create() => Create(Period);

    /// <summary>The defaults with <paramref name="period"/>, the manifest's <c>alarms.period</c>.</summary>
    /// <param name="period">Whole seconds, at least 1 s.</param>
    public static IReadOnlyList<AlarmSpec> Create(TimeSpan period)
    {
        if (period < TimeSpan.FromSeconds(1) || period.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "an alarm period is whole seconds, at least 1 s");
        }

        return
        [
            Default(period) with
            {
                Name = "error-rate",
                Metric = new BuiltInAlarmMetric(BuiltInMetric.ErrorRate),
                Statistic = AlarmStatistic.Average,
                Comparison = AlarmComparison.GreaterThanThreshold,
                Threshold = 0.01,
                Description = "More than 1% of requests fail with a 5xx status.",
            },
            Default(period) with
            {
                Name = "latency-p99",
                Metric = new BuiltInAlarmMetric(BuiltInMetric.Latency),
                Statistic = AlarmStatistic.FromPercentile(99),
                Comparison = AlarmComparison.GreaterThanThreshold,
                Threshold = 2,
                Description = "The slowest 1% of requests take longer than 2 s.",
            },
            Default(period) with
            {
                Name = "memory",
                Metric = new BuiltInAlarmMetric(BuiltInMetric.MemoryUtilization),
                Statistic = AlarmStatistic.Maximum,
                Comparison = AlarmComparison.GreaterThanThreshold,
                Threshold = 0.8,
                Description = "An instance uses more than 80% of its memory limit.",
            },
            Default(period) with
            {
                Name = "unhealthy-instances",
                Metric = new BuiltInAlarmMetric(BuiltInMetric.UnhealthyInstances),
                Statistic = AlarmStatistic.Maximum,
                Comparison = AlarmComparison.GreaterThanThreshold,
                Threshold = 0,
                Description = "At least one instance fails its health check.",
            },
            Default(period) with
            {
                // One restart can be bad luck (a node drained, one OOM); a restart in 2 of the last 3 periods means
                // at least two in the window, which is a version that keeps crashing. A crash loop with a backoff
                // longer than the window is still caught, by unhealthy-instances.
                Name = "crash-loop",
                Metric = new BuiltInAlarmMetric(BuiltInMetric.Restarts),
                Statistic = AlarmStatistic.Sum,
                Comparison = AlarmComparison.GreaterThanOrEqualToThreshold,
                Threshold = 1,
                Description = "Instances restarted in 2 of the last 3 periods: the version keeps crashing.",
            },
        ];
    }

    private static AlarmSpec Default(TimeSpan period) => new()
    {
        Name = string.Empty,
        Metric = new BuiltInAlarmMetric(BuiltInMetric.Requests),
        Period = period,
        EvaluationPeriods = 3,
        DatapointsToAlarm = 2,
        Comparison = AlarmComparison.GreaterThanThreshold,
        Threshold = 0,
        TreatMissingData = TreatMissingData.Missing,
        Severity = AlarmSeverity.Critical,
        Rollback = true,
    };
}
