namespace Cutover.Core.Dashboards;

/// <summary>How a time series' values are shown.</summary>
public enum DashboardUnit
{
    /// <summary>A plain number, such as instances or requests per period.</summary>
    Count,

    /// <summary>Events per second, such as requests/s.</summary>
    PerSecond,

    /// <summary>A share from 0 to 1, shown as a percentage, such as the error rate.</summary>
    Share,

    /// <summary>Seconds, such as latency.</summary>
    Seconds,

    /// <summary>Bytes.</summary>
    Bytes,
}
