using System.Globalization;
using System.Text;

namespace Cutover.Testing.Prometheus;

/// <summary>
/// Reads the Prometheus text format 0.0.4 as Prometheus does: a series is its name and its set of labels, in any
/// order (the exporter sorts them, the code passes them as it likes). Label values are unescaped.
/// </summary>
public static class PrometheusExposition
{
    /// <summary>Every sample of a scrape, in order.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var samples = new List<PrometheusSample>();
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var (name, labels, rest) = ParseSeries(line);
            var value = rest.Trim().Split(' ')[0];
            samples.Add(new PrometheusSample(name, labels, ParseValue(value)));
        }

        return samples;
    }

    /// <summary>The value of the one sample whose name and labels equal <paramref name="series"/> (for example <c>http_requests_total{code="200",path="/"}</c>), else null.</summary>
    public static double? Value(string exposition, string series)
    {
        var (name, labels, rest) = ParseSeries(series);
        if (rest.Length > 0)
        {
            throw new ArgumentException($"'{series}' is not a series (name and labels only).", nameof(series));
        }

        var matches = Parse(exposition).Where(sample => sample.Name == name && sample.HasLabels(labels)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} samples of '{series}': a series must appear once."),
        };
    }

    /// <summary>The <c># TYPE</c> of each family, by family name.</summary>
    public static IReadOnlyDictionary<string, string> Types(string exposition) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(line => line["# TYPE ".Length..].Split(' '))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static (string Name, Dictionary<string, string> Labels, string Remainder) ParseSeries(string text)
    {
        var end = text.IndexOfAny(['{', ' ']);
        if (end < 0)
        {
            return (text, [], "");
        }

        var name = text[..end];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = end;
        if (text[i] == '{')
        {
            i++;
            while (text[i] != '}')
            {
                var equals = text.IndexOf('=', i);
                var label = text[i..equals].Trim();
                i = equals + 1;
                if (text[i] != '"')
                {
                    throw new FormatException($"Label {label} has no quoted value: {text}");
                }

                i++;
                var value = new StringBuilder();
                for (; text[i] != '"'; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                        value.Append(text[i] switch
                        {
                            'n' => '\n',
                            var c => c,
                        });
                    }
                    else
                    {
                        value.Append(text[i]);
                    }
                }

                i++;
                if (!labels.TryAdd(label, value.ToString()))
                {
                    throw new FormatException($"Label {label} appears twice: {text}");
                }

                if (text[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        return (name, labels, text[i..]);
    }
}

/// <summary>One sample: series name, labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Exactly these labels, no more and no fewer.</summary>
    public bool HasLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == Labels.Count && labels.All(label => Labels.TryGetValue(label.Key, out var value) && value == label.Value);
}
