namespace Cutover.Core.Manifest;

/// <summary>
/// A CloudWatch-style metric filter: every instance log line that matches <see cref="Pattern"/> adds
/// <see cref="Value"/> to the metric <see cref="MetricName"/> of the line's version.
/// </summary>
public sealed record MetricFilterSpec
{
    /// <summary>Unique name, <c>[a-z0-9-]+</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// A filter pattern in CloudWatch syntax, checked when the manifest is read: terms such as <c>"checkout failed"</c>
    /// or a JSON selector such as <c>{ $.level = "Error" }</c>. <see cref="Logs.MetricFilters.MetricFilterPattern.Parse"/> reads it.
    /// </summary>
    public required string Pattern { get; init; }

    /// <summary>The metric the matches count into, such as <c>CheckoutFailures</c>.</summary>
    public required string MetricName { get; init; }

    /// <summary>What one matching line adds. Default 1.</summary>
    public double Value { get; init; } = 1;
}
