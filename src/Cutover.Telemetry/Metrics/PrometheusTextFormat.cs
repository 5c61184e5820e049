using System.Globalization;
using System.Text;

namespace Cutover.Telemetry.Metrics;

/// <summary>
/// The Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): values, escaping, sample lines.
/// </summary>
internal static class PrometheusTextFormat
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Formats a sample value or an <c>le</c> bound the way Prometheus parses it (Go float syntax).</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static void AppendHeader(StringBuilder text, string name, string? help, PrometheusType type)
    {
        if (!string.IsNullOrEmpty(help))
        {
            text.Append("# HELP ").Append(name).Append(' ');
            foreach (var c in help)
            {
                _ = c switch
                {
                    '\\' => text.Append("\\\\"),
                    '\n' => text.Append("\\n"),
                    _ => text.Append(c),
                };
            }

            text.Append('\n');
        }

        text.Append("# TYPE ").Append(name).Append(' ').Append(type switch
        {
            PrometheusType.Counter => "counter",
            PrometheusType.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');
    }

    /// <summary>One sample line; <paramref name="extra"/> is appended after the series' labels (the <c>le</c> of a bucket).</summary>
    public static void AppendSample(StringBuilder text, string name, IReadOnlyList<Label> labels, double value, Label? extra = null)
    {
        text.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            text.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                AppendLabel(text, labels[i]);
            }

            if (extra is { } last)
            {
                if (labels.Count > 0)
                {
                    text.Append(',');
                }

                AppendLabel(text, last);
            }

            text.Append('}');
        }

        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static void AppendLabel(StringBuilder text, Label label)
    {
        text.Append(label.Name).Append("=\"");
        foreach (var c in label.Value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append("\\n"),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }
}
