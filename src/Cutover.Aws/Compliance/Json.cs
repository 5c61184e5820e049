using System.Text.Json.Nodes;

namespace Cutover.Aws.Compliance;

/// <summary>Lookups in resolved CloudFormation values, whose keys may come back camelCase (jsii structs) or PascalCase.</summary>
internal static class Json
{
    public static JsonNode? Get(this JsonNode? node, string key)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        foreach (var pair in obj)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static bool IsTrue(this JsonNode? node) => node is JsonValue value &&
        ((value.TryGetValue<bool>(out var b) && b) || (value.TryGetValue<string>(out var s) && string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)));

    public static string? Text(this JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static double? Number(this JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var d) ? d
        : node.Text() is { } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>A value that may be one item or a list, as IAM's Action and Resource are.</summary>
    public static IEnumerable<JsonNode?> Items(this JsonNode? node) => node switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray array => array.ToList(),
        _ => new[] { node },
    };
}
