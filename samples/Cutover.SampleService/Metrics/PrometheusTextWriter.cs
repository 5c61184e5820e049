using System.Globalization;
using System.Text;

namespace Cutover.SampleService.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): per family a <c># HELP</c> and a
/// <c># TYPE</c> line, then one line per sample; lines end with <c>\n</c>.
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(TextWriter writer, IEnumerable<IMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metrics);
        var samples = new List<MetricSample>();
        var line = new StringBuilder();
        foreach (var metric in metrics)
        {
            samples.Clear();
            metric.Collect(samples);

            line.Clear()
                .Append("# HELP ").Append(metric.Name).Append(' ').Append(EscapeHelp(metric.Help)).Append('\n')
                .Append("# TYPE ").Append(metric.Name).Append(' ').Append(TypeName(metric.Type)).Append('\n');
            foreach (var sample in samples)
            {
                AppendSample(line, sample);
            }

            writer.Write(line);
        }
    }

    /// <summary>Formats a sample value or an <c>le</c> bound the way Prometheus parses it (Go float syntax).</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void AppendSample(StringBuilder line, MetricSample sample)
    {
        line.Append(sample.Name);
        if (sample.Labels.Count > 0)
        {
            line.Append('{');
            for (var i = 0; i < sample.Labels.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(sample.Labels[i].Name).Append("=\"");
                AppendEscapedLabelValue(line, sample.Labels[i].Value);
                line.Append('"');
            }

            line.Append('}');
        }

        line.Append(' ').Append(FormatValue(sample.Value)).Append('\n');
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void AppendEscapedLabelValue(StringBuilder line, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => line.Append("\\\\"),
                '"' => line.Append("\\\""),
                '\n' => line.Append("\\n"),
                _ => line.Append(c),
            };
        }
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        _ => "untyped",
    };
}
