using System.Globalization;

namespace Cutover.Telemetry.Metrics;

/// <summary>
/// The labels of one series, in the order the instrument's caller passed the tags (that order is the exposed order,
/// so <c>cutover_build_info{version,instance}</c> reads as written). Equality ignores the order: the same tags passed
/// in another order are the same series.
/// </summary>
internal sealed class LabelSet : IEquatable<LabelSet>
{
    private readonly int _hash;

    private LabelSet(Label[] labels)
    {
        Labels = labels;
        var hash = 0;
        foreach (var label in labels)
        {
            // Order-independent: a sum of the pairs' hashes.
            hash = unchecked(hash + HashCode.Combine(label.Name, label.Value));
        }

        _hash = hash;
    }

    public static LabelSet Empty { get; } = new([]);

    public Label[] Labels { get; }

    /// <summary>Converts tags to labels: names in Prometheus syntax, values as invariant text; later duplicates and <paramref name="reserved"/> are dropped.</summary>
    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags, string? reserved = null)
    {
        if (tags.IsEmpty)
        {
            return Empty;
        }

        var labels = new List<Label>(tags.Length);
        foreach (var tag in tags)
        {
            var name = PrometheusNames.Label(tag.Key);
            if (name == reserved || labels.Exists(label => label.Name == name))
            {
                continue;
            }

            labels.Add(new Label(name, ValueText(tag.Value)));
        }

        return new LabelSet([.. labels]);
    }

    public static LabelSet Of(params Label[] labels) => new(labels);

    public bool Equals(LabelSet? other)
    {
        if (other is null || other._hash != _hash || other.Labels.Length != Labels.Length)
        {
            return false;
        }

        foreach (var label in Labels)
        {
            if (Array.IndexOf(other.Labels, label) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => _hash;

    /// <summary>Orders series by their labels as exposed, name then value, so a scrape's output is stable.</summary>
    public static int CompareExposed(LabelSet left, LabelSet right)
    {
        for (var i = 0; i < Math.Min(left.Labels.Length, right.Labels.Length); i++)
        {
            var byName = string.CompareOrdinal(left.Labels[i].Name, right.Labels[i].Name);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = string.CompareOrdinal(left.Labels[i].Value, right.Labels[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return left.Labels.Length.CompareTo(right.Labels.Length);
    }

    private static string ValueText(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
