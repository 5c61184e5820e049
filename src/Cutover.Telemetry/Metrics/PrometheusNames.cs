using System.Text;

namespace Cutover.Telemetry.Metrics;

/// <summary>
/// Converts OpenTelemetry-style instrument names, units and tag keys to Prometheus names, following the OpenTelemetry
/// compatibility rules (https://opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics/): invalid
/// characters become <c>_</c>, the unit becomes a suffix (<c>s</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>,
/// annotations such as <c>{request}</c> are dropped) and counters end in <c>_total</c>. So
/// <c>http.request.duration</c> in <c>s</c> is <c>http_request_duration_seconds</c>.
/// </summary>
internal static class PrometheusNames
{
    private const string TotalSuffix = "_total";

    public static string Metric(string instrumentName, string? unit, PrometheusType type)
    {
        ArgumentNullException.ThrowIfNull(instrumentName);
        var name = Sanitize(instrumentName, allowColon: true);
        if (type == PrometheusType.Counter && name.EndsWith(TotalSuffix, StringComparison.Ordinal) && name.Length > TotalSuffix.Length)
        {
            name = name[..^TotalSuffix.Length];
        }

        var suffix = UnitSuffix(unit, type);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal) && name != suffix)
        {
            name += "_" + suffix;
        }

        return type == PrometheusType.Counter ? name + TotalSuffix : name;
    }

    public static string Label(string tagKey)
    {
        ArgumentNullException.ThrowIfNull(tagKey);
        return Sanitize(tagKey, allowColon: false);
    }

    internal static string UnitSuffix(string? unit, PrometheusType type)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return "";
        }

        var withoutAnnotations = RemoveAnnotations(unit).Trim();
        if (withoutAnnotations.Length == 0)
        {
            return "";
        }

        if (withoutAnnotations == "1")
        {
            return type == PrometheusType.Gauge ? "ratio" : "";
        }

        var slash = withoutAnnotations.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < withoutAnnotations.Length - 1)
        {
            var per = PerUnit(withoutAnnotations[(slash + 1)..]);
            return Sanitize($"{Unit(withoutAnnotations[..slash])}_per_{per}", allowColon: false);
        }

        return Sanitize(Unit(withoutAnnotations), allowColon: false);
    }

    private static string Unit(string unit) => unit switch
    {
        "d" => "days",
        "h" => "hours",
        "min" => "minutes",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "GiBy" => "gibibytes",
        "TiBy" => "tibibytes",
        "KBy" => "kilobytes",
        "MBy" => "megabytes",
        "GBy" => "gigabytes",
        "TBy" => "terabytes",
        "bit" => "bits",
        "m" => "meters",
        "V" => "volts",
        "A" => "amperes",
        "J" => "joules",
        "W" => "watts",
        "g" => "grams",
        "Cel" => "celsius",
        "Hz" => "hertz",
        "%" => "percent",
        _ => unit,
    };

    private static string PerUnit(string unit) => unit switch
    {
        "s" => "second",
        "m" => "minute",
        "h" => "hour",
        "d" => "day",
        "w" => "week",
        "mo" => "month",
        "y" => "year",
        _ => Unit(unit),
    };

    private static string RemoveAnnotations(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Keeps <c>[a-zA-Z0-9_]</c> (and <c>:</c> in metric names), turns the rest into one <c>_</c>, and never starts with a digit.</summary>
    private static string Sanitize(string text, bool allowColon)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
