namespace Cutover.Aws.Alarms;

/// <summary>
/// Maps a manifest alarm period (any whole number of seconds, 2 s by default so a local canary step gets several
/// datapoints) to one CloudWatch accepts for the metrics Cutover alarms on.
/// </summary>
/// <remarks>
/// CloudWatch takes 10, 20 or 30 s only for high-resolution metrics; the ALB (AWS/ApplicationELB) and ECS (AWS/ECS)
/// metrics are published once a minute, so a shorter alarm period would evaluate datapoints that never exist. Every
/// period is therefore rounded up to a whole number of minutes: 2 s becomes 60 s, 90 s becomes 120 s. N, M and the
/// missing-data treatment stay as written, so "2 out of 3 periods" still means 2 out of 3, over 3 minutes instead of 6 s.
/// </remarks>
public static class CloudWatchPeriod
{
    /// <summary>The smallest period of a standard-resolution metric.</summary>
    public const int Minute = 60;

    /// <summary>The CloudWatch period, in seconds, for a manifest period.</summary>
    public static int For(TimeSpan period)
    {
        var seconds = (long)Math.Ceiling(period.TotalSeconds);
        var minutes = Math.Max(1, (seconds + Minute - 1) / Minute);
        return (int)(minutes * Minute);
    }
}
