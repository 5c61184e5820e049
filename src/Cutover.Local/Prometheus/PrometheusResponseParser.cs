using System.Globalization;
using System.Text.Json;

namespace Cutover.Local.Prometheus;

/// <summary>
/// Reads the Prometheus HTTP API's JSON envelope and data. Throws <see cref="FormatException"/> (or the
/// <see cref="JsonElement"/> accessors' exceptions) on a shape it does not know; the client turns those into
/// <see cref="PrometheusErrorKind.InvalidResponse"/>.
/// </summary>
internal static class PrometheusResponseParser
{
    /// <summary>The envelope: an API error, or the <c>data</c> element and any warnings.</summary>
    public static PrometheusResult<T> Parse<T>(JsonElement root, int statusCode, Func<JsonElement, IReadOnlyList<string>, T> parseData)
        where T : class
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
        {
            return new PrometheusResult<T>(new PrometheusError(
                PrometheusErrorKind.InvalidResponse,
                $"HTTP {statusCode}: the answer has no \"status\"; is this a Prometheus API?",
                StatusCode: statusCode));
        }

        if (status.GetString() != "success")
        {
            var errorType = root.TryGetProperty("errorType", out var type) ? type.GetString() : null;
            var message = root.TryGetProperty("error", out var error) ? error.GetString() : null;
            return new PrometheusResult<T>(new PrometheusError(
                PrometheusErrorKind.Api,
                message ?? $"HTTP {statusCode}: status \"{status.GetString()}\" without an error message",
                errorType,
                statusCode));
        }

        var warnings = root.TryGetProperty("warnings", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToArray()
            : [];
        return new PrometheusResult<T>(parseData(root.GetProperty("data"), warnings));
    }

    public static PrometheusQueryResult ParseQuery(JsonElement data, IReadOnlyList<string> warnings)
    {
        var resultType = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        return resultType switch
        {
            "vector" => new PrometheusQueryResult
            {
                ResultType = PrometheusResultType.Vector,
                Samples = result.EnumerateArray().Select(ParseSample).ToArray(),
                Warnings = warnings,
            },
            "matrix" => new PrometheusQueryResult
            {
                ResultType = PrometheusResultType.Matrix,
                Series = result.EnumerateArray().Select(ParseSeries).ToArray(),
                Warnings = warnings,
            },
            "scalar" => new PrometheusQueryResult
            {
                ResultType = PrometheusResultType.Scalar,
                Samples = [ParseScalar(result)],
                Warnings = warnings,
            },
            "string" => new PrometheusQueryResult
            {
                ResultType = PrometheusResultType.Text,
                StringValue = result[1].GetString(),
                Warnings = warnings,
            },
            _ => throw new FormatException($"Unknown resultType \"{resultType}\"."),
        };
    }

    public static IReadOnlyList<PrometheusTarget> ParseTargets(JsonElement data, IReadOnlyList<string> warnings) =>
        data.GetProperty("activeTargets").EnumerateArray().Select(ParseTarget).ToArray();

    /// <summary>
    /// A sample value. Prometheus sends values as strings because JSON has no NaN or infinities; it spells them
    /// <c>NaN</c>, <c>+Inf</c> and <c>-Inf</c>.
    /// </summary>
    public static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>A timestamp in (fractional) Unix seconds, to the millisecond Prometheus keeps.</summary>
    public static DateTimeOffset ParseTimestamp(JsonElement seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds.GetDouble() * 1000));

    /// <summary>A time parameter in Unix seconds with millisecond precision.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        (value.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture);

    private static PrometheusSample ParseSample(JsonElement element)
    {
        var point = ParsePoint(element.GetProperty("value"));
        return new PrometheusSample(ParseLabels(element.GetProperty("metric")), point.Timestamp, point.Value);
    }

    private static PrometheusSample ParseScalar(JsonElement element)
    {
        var point = ParsePoint(element);
        return new PrometheusSample(new Dictionary<string, string>(), point.Timestamp, point.Value);
    }

    private static PrometheusSeries ParseSeries(JsonElement element) => new(
        ParseLabels(element.GetProperty("metric")),
        element.GetProperty("values").EnumerateArray().Select(ParsePoint).ToArray());

    private static PrometheusPoint ParsePoint(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
        {
            throw new FormatException($"Expected [timestamp, \"value\"], got {pair.GetRawText()}.");
        }

        return new PrometheusPoint(ParseTimestamp(pair[0]), ParseValue(pair[1].GetString()!));
    }

    private static Dictionary<string, string> ParseLabels(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);

    private static PrometheusTarget ParseTarget(JsonElement element)
    {
        // Before the first scrape Prometheus reports Go's zero time.
        var lastScrape = element.TryGetProperty("lastScrape", out var scraped) && scraped.GetDateTimeOffset() is var at && at.Year > 1
            ? at
            : (DateTimeOffset?)null;
        var duration = element.TryGetProperty("lastScrapeDuration", out var seconds) ? TimeSpan.FromSeconds(seconds.GetDouble()) : TimeSpan.Zero;
        var health = element.GetProperty("health").GetString() switch
        {
            "up" => PrometheusTargetHealth.Up,
            "down" => PrometheusTargetHealth.Down,
            _ => PrometheusTargetHealth.Unknown,
        };
        return new PrometheusTarget(
            element.GetProperty("scrapePool").GetString() ?? string.Empty,
            element.GetProperty("scrapeUrl").GetString() ?? string.Empty,
            health,
            element.TryGetProperty("lastError", out var error) ? error.GetString() ?? string.Empty : string.Empty,
            lastScrape,
            duration,
            ParseLabels(element.GetProperty("labels")));
    }
}
