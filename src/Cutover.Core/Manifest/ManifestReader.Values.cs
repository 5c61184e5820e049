using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Typed scalar and collection readers. Each reports its own errors and returns null after one.</summary>
internal sealed partial class ManifestReader
{
    // Optional-field shortcuts: null when the field is absent or invalid, so callers write `?? defaults.X`.
    private string? Text(YamlMap map, string name, string example) => map.Get(name) is { } field ? Text(field, example) : null;

    private int? Int(YamlMap map, string name, int min, int max) => map.Get(name) is { } field ? Int(field, min, max) : null;

    private double? Number(YamlMap map, string name, double min, double max) => map.Get(name) is { } field ? Number(field, min, max) : null;

    private bool? Bool(YamlMap map, string name) => map.Get(name) is { } field ? Bool(field) : null;

    private TimeSpan? Duration(YamlMap map, string name, bool allowZero) =>
        map.Get(name) is { } field ? Duration(field, allowZero) : null;

    private string? Text(YamlField field, string example) => Text(field.Value, field.Path, example);

    /// <summary>Any non-empty scalar as text; numbers count too, so <c>args: [-c, 5]</c> gives "-c" and "5".</summary>
    private string? Text(YamlNode node, string path, string example)
    {
        var scalar = Scalar(node, path, "text", $"write a value such as {example}");
        if (scalar is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            Report(scalar.Start, path, "the value is blank", $"write a value such as {example}");
            return null;
        }

        return scalar.Value;
    }

    private int? Int(YamlField field, int min, int max) => Int(field.Value, field.Path, min, max, field.Name);

    private int? Int(YamlNode node, string path, int min, int max, string noun)
    {
        var fix = $"use a whole number from {min} to {max}";
        var scalar = Scalar(node, path, "a whole number", fix);
        if (scalar is null)
        {
            return null;
        }

        if (!long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(scalar.Start, path, $"expected a whole number, got \"{scalar.Value}\"", fix);
            return null;
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            Report(scalar.Start, path, $"expected a whole number, got the quoted text \"{scalar.Value}\"", "remove the quotes");
            return null;
        }

        if (value < min || value > max)
        {
            Report(scalar.Start, path, $"{noun} {value} is outside {min}-{max}", fix);
            return null;
        }

        return (int)value;
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>; <see cref="double.MaxValue"/> means no upper bound.</summary>
    private double? Number(YamlField field, double min, double max)
    {
        var unbounded = max == double.MaxValue;
        var fix = unbounded
            ? FormattableString.Invariant($"use a number of {min} or more")
            : FormattableString.Invariant($"use a number from {min} to {max}");
        var scalar = Scalar(field.Value, field.Path, "a number", fix);
        if (scalar is null)
        {
            return null;
        }

        if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Report(scalar.Start, field.Path, $"expected a number, got \"{scalar.Value}\"", fix);
            return null;
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            Report(scalar.Start, field.Path, $"expected a number, got the quoted text \"{scalar.Value}\"", "remove the quotes");
            return null;
        }

        if (value < min || value > max)
        {
            var problem = unbounded
                ? FormattableString.Invariant($"{field.Name} {scalar.Value} is below {min}")
                : FormattableString.Invariant($"{field.Name} {scalar.Value} is outside {min}-{max}");
            Report(scalar.Start, field.Path, problem, fix);
            return null;
        }

        return value;
    }

    private bool? Bool(YamlField field)
    {
        const string Fix = "use true or false";
        var scalar = Scalar(field.Value, field.Path, "true or false", Fix);
        switch (scalar)
        {
            case null:
                return null;
            case { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" }:
                return true;
            case { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" }:
                return false;
            default:
                // yes/no/on/off are booleans in YAML 1.1 only; refusing them avoids reading "no" as a string.
                Report(scalar.Start, field.Path, $"expected true or false, got \"{scalar.Value}\"", Fix);
                return null;
        }
    }

    /// <summary>A duration such as 10s; zero is refused unless <paramref name="allowZero"/>.</summary>
    private TimeSpan? Duration(YamlField field, bool allowZero)
    {
        var scalar = Scalar(field.Value, field.Path, "a duration", "write a duration such as 500ms, 10s, 2m, 1h or 1m30s");
        if (scalar is null)
        {
            return null;
        }

        var result = DurationParser.Parse(scalar.Value ?? string.Empty);
        if (!result.IsValid)
        {
            Report(scalar.Start, field.Path, result.Problem!, result.Fix!);
            return null;
        }

        if (!allowZero && result.Value == TimeSpan.Zero)
        {
            Report(scalar.Start, field.Path, $"{field.Name} must be greater than 0", "use a duration such as 1s");
            return null;
        }

        return result.Value;
    }

    /// <summary>A list of text; an empty value is an empty list.</summary>
    private List<string>? TextList(YamlField field, string example)
    {
        var sequence = Sequence(field, example);
        if (sequence is null)
        {
            return null;
        }

        var items = new List<string>();
        var valid = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = Text(sequence.Children[i], FieldPath.Item(field.Path, i), example);
            valid &= item is not null;
            items.Add(item ?? string.Empty);
        }

        return valid ? items : null;
    }

    /// <summary>A list node; an empty value is an empty list.</summary>
    private YamlSequenceNode? Sequence(YamlField field, string example)
    {
        if (IsNull(field.Value))
        {
            return new YamlSequenceNode();
        }

        if (field.Value is not YamlSequenceNode sequence)
        {
            Report(field.Value.Start, field.Path, $"expected a list, got {Describe(field.Value)}", $"write a list such as {example}");
            return null;
        }

        return sequence;
    }

    /// <summary>Environment variables: names that a shell accepts, values as text (an empty value is "").</summary>
    private Dictionary<string, string> Variables(YamlField field)
    {
        var map = OpenMap(field, allowed: null);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in map.Fields)
        {
            if (!VariableNamePattern().IsMatch(variable.Name))
            {
                Report(
                    variable.Key.Start,
                    variable.Path,
                    $"\"{variable.Name}\" is not a valid environment variable name",
                    "use letters, digits and _, not starting with a digit, such as GREETING");
            }

            if (IsNull(variable.Value))
            {
                variables[variable.Name] = string.Empty;
            }
            else if (Scalar(variable.Value, variable.Path, "text", "write the value as text, such as KEY: value") is { } value)
            {
                variables[variable.Name] = value.Value ?? string.Empty;
            }
        }

        return variables;
    }

    /// <summary>Picks one of a fixed set of spellings, suggesting the closest on a near miss.</summary>
    private T? Choice<T>(YamlField field, IReadOnlyDictionary<string, T> options)
        where T : struct
    {
        var allowed = string.Join(" or ", options.Keys);
        var text = Text(field, allowed);
        if (text is null)
        {
            return null;
        }

        if (options.TryGetValue(text, out var value))
        {
            return value;
        }

        var suggestion = Suggestions.Closest(text, options.Keys);
        Report(
            field.Value.Start,
            field.Path,
            $"unknown {field.Name} \"{text}\"",
            suggestion is null ? $"use {allowed}" : $"did you mean \"{suggestion}\"? (allowed: {allowed})");
        return null;
    }

    private YamlScalarNode? Scalar(YamlNode node, string path, string expected, string fix)
    {
        if (IsNull(node))
        {
            Report(node.Start, path, "the field has no value", fix);
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Report(node.Start, path, $"expected {expected}, got {Describe(node)}", fix);
            return null;
        }

        return scalar;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();
}
