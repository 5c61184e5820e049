using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cutover.Core.Dashboards;
using Cutover.Core.Releases;
using Cutover.Local.Prometheus;

namespace Cutover.Server.Dashboard;

/// <summary>
/// The golden signals per version, read from the platform's Prometheus with the queries of the manifest's
/// <c>golden-signals</c> dashboard (<see cref="DefaultDashboards.GoldenSignals"/> unless the manifest replaces it), so
/// the charts show the numbers the alarms judge. Expected failures (Prometheus down, a bad custom query) end up in
/// <see cref="ChartData.Error"/>; nothing here throws but cancellation.
/// </summary>
internal sealed partial class GoldenSignals
{
    /// <summary>Shortest rate window: with a 1 s scrape, fewer than four samples make jagged lines.</summary>
    private static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(4);

    /// <summary>Points per line over a range: enough for a chart a screen wide, few enough to send quickly.</summary>
    private const int PointsPerRange = 300;

    private readonly PrometheusClient _prometheus;
    private readonly TimeProvider _time;

    public GoldenSignals(ControlPlaneOptions options, IHttpClientFactory httpClients, TimeProvider time)
    {
        var service = options.Manifest.Service.Name;
        var dashboard = options.Manifest.Dashboards.Effective(service).FirstOrDefault(d => d.Name == DefaultDashboards.GoldenSignalsName)
            ?? DefaultDashboards.GoldenSignals(service);
        Charts = [.. dashboard.Widgets.OfType<TimeSeriesWidgetSpec>().Select(ToChart).Where(c => c.Queries.Count > 0)];
        var client = httpClients.CreateClient(nameof(GoldenSignals));
        client.Timeout = TimeSpan.FromSeconds(5);
        _prometheus = new PrometheusClient(client, PrometheusUri(options));
        _time = time;
    }

    public IReadOnlyList<GoldenChart> Charts { get; }

    /// <summary>Every chart over the <paramref name="range"/> that ends now, for <paramref name="version"/> or all versions.</summary>
    public async Task<GoldenSignalsResponse> RangeAsync(string? version, TimeSpan range, IReleaseStore store, CancellationToken cancellationToken)
    {
        var to = _time.GetUtcNow();
        var from = to - range;
        var step = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(range.TotalSeconds / PointsPerRange)));
        var window = Window(step * 2);
        var charts = await Task.WhenAll(Charts.Select(c => RangeAsync(c, version, window, from, to, step, cancellationToken))).ConfigureAwait(false);
        var markers = (await store.ListAuditAsync(null, 2000, cancellationToken).ConfigureAwait(false))
            .Where(e => e.At >= from && ReleaseMarkerEvents.All.Contains(e.Event))
            .ToList();
        return new GoldenSignalsResponse(from, to, step.TotalSeconds, window, charts, markers);
    }

    /// <summary>The newest value of every line of every chart, for the live <c>metrics</c> event.</summary>
    public async Task<MetricsUpdate> LatestAsync(CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var window = Window(MinimumWindow);
        var points = await Task.WhenAll(Charts.Select(c => LatestAsync(c, window, at, cancellationToken))).ConfigureAwait(false);
        return new MetricsUpdate(at.ToUnixTimeMilliseconds() / 1000.0, [.. points.SelectMany(p => p)]);
    }

    private async Task<ChartData> RangeAsync(GoldenChart chart, string? version, string window, DateTimeOffset from, DateTimeOffset to, TimeSpan step, CancellationToken cancellationToken)
    {
        var series = new List<ChartSeries>();
        foreach (var (label, template) in chart.Queries)
        {
            var result = await _prometheus.QueryRangeAsync(Fill(template, version, window), from, to, step, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return new ChartData(chart.Id, chart.Title, chart.Unit, chart.Optional, series, result.Error.Message);
            }

            series.AddRange(result.Value.Series.Select(s => new ChartSeries(
                Key(s.Labels, label),
                s.Labels.GetValueOrDefault("version"),
                label,
                [.. s.Points.Select(p => p.Timestamp.ToUnixTimeMilliseconds() / 1000.0)],
                [.. s.Points.Select(p => Finite(p.Value))])));
        }

        return new ChartData(chart.Id, chart.Title, chart.Unit, chart.Optional, [.. series.OrderBy(s => s.Key, StringComparer.Ordinal)], null);
    }

    private async Task<IEnumerable<ChartPoint>> LatestAsync(GoldenChart chart, string window, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var points = new List<ChartPoint>();
        foreach (var (label, template) in chart.Queries)
        {
            var result = await _prometheus.QueryAsync(Fill(template, null, window), at, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                points.AddRange(result.Value.Samples.Select(s =>
                    new ChartPoint(chart.Id, Key(s.Labels, label), s.Labels.GetValueOrDefault("version"), label, Finite(s.Value))));
            }
        }

        return points;
    }

    private static GoldenChart ToChart(TimeSeriesWidgetSpec widget)
    {
        var queries = new List<(string, string)>();
        foreach (var metric in widget.Metrics)
        {
            var template = metric switch
            {
                BuiltInDashboardMetric builtIn => PromQlBuilder.Template(builtIn.Metric, builtIn.Statistic, widget.PerVersion),
                PromQlDashboardMetric promQl => promQl.Query,
                _ => null,
            };
            if (template is not null)
            {
                queries.Add((metric.Label ?? widget.Title, template));
            }
        }

        return new GoldenChart(Slug(widget.Title), widget.Title, UnitName(widget.Unit), widget.Optional, queries);
    }

    /// <summary><c>$version</c> becomes the version (escaped for RE2 inside a PromQL string) or any; <c>$window</c> the window.</summary>
    private static string Fill(string template, string? version, string window)
    {
        var versions = version is null ? ".+" : Regex.Escape(version).Replace("\\", "\\\\", StringComparison.Ordinal);
        return template
            .Replace(PromQlBuilder.VersionVariable, versions, StringComparison.Ordinal)
            .Replace(PromQlBuilder.WindowVariable, window, StringComparison.Ordinal);
    }

    private static string Key(IReadOnlyDictionary<string, string> labels, string label) =>
        labels.TryGetValue("version", out var version) ? $"{version} {label}" : label;

    /// <summary>JSON has no NaN: 0/0 (no requests) and histogram gaps become missing points.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Window(TimeSpan window)
    {
        var seconds = Math.Max(window.TotalSeconds, MinimumWindow.TotalSeconds);
        return seconds.ToString("0", CultureInfo.InvariantCulture) + "s";
    }

    private static string UnitName(DashboardUnit unit)
    {
        var name = unit.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return DashRuns().Replace(slug.ToString(), "-").Trim('-');
    }

    /// <summary>Prometheus listens on the bind address; a wildcard bind is reached over loopback.</summary>
    private static Uri PrometheusUri(ControlPlaneOptions options)
    {
        var host = options.Ports.BindAddress.Trim('[', ']') switch
        {
            "0.0.0.0" or "" => "127.0.0.1",
            "::" => "[::1]",
            var address when address.Contains(':', StringComparison.Ordinal) => $"[{address}]",
            var address => address,
        };
        return new Uri($"http://{host}:{options.Ports.PrometheusPort}/");
    }

    [GeneratedRegex("-+")]
    private static partial Regex DashRuns();
}
