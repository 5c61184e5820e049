namespace Cutover.Local.Prometheus;

/// <summary>One active scrape target from <c>/api/v1/targets</c>.</summary>
/// <param name="ScrapePool">The job it belongs to: <c>haproxy</c> or <c>service</c>.</param>
/// <param name="ScrapeUrl">The URL Prometheus scrapes.</param>
/// <param name="Health">The outcome of the last scrape.</param>
/// <param name="LastError">Why the last scrape failed; empty when it did not.</param>
/// <param name="LastScrape">When it was last scraped; <see langword="null"/> before the first scrape.</param>
/// <param name="LastScrapeDuration">How long the last scrape took.</param>
/// <param name="Labels">The target labels after relabelling (<c>job</c>, <c>instance</c>, <c>version</c>, <c>instance_id</c>, ...).</param>
public sealed record PrometheusTarget(
    string ScrapePool,
    string ScrapeUrl,
    PrometheusTargetHealth Health,
    string LastError,
    DateTimeOffset? LastScrape,
    TimeSpan LastScrapeDuration,
    IReadOnlyDictionary<string, string> Labels);
