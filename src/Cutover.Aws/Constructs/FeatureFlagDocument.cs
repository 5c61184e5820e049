using System.Text.Json;
using System.Text.Json.Nodes;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The manifest's feature flags as one environment sees them, in AppConfig's <c>AWS.AppConfig.FeatureFlags</c> format:
/// <c>{"version":"1","flags":{name:{name,description}},"values":{name:{"enabled":bool}}}</c>, flags in name order so
/// the same manifest always gives the same text (and an unchanged flag set no new hosted version).
/// </summary>
internal static class FeatureFlagDocument
{
    /// <summary>The flag keys AppConfig accepts (its schema's flagDefinitions pattern).</summary>
    public const string KeyPattern = "^[a-z][a-zA-Z0-9_-]{0,63}$";

    public static string For(IReadOnlyList<FeatureFlagSpec> flags, string environment)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var definitions = new JsonObject();
        var values = new JsonObject();
        foreach (var flag in flags.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var definition = new JsonObject { ["name"] = flag.Name };
            if (!string.IsNullOrEmpty(flag.Description))
            {
                definition["description"] = flag.Description;
            }

            definitions[flag.Name] = definition;
            values[flag.Name] = new JsonObject { ["enabled"] = flag.EnabledIn(environment) };
        }

        var document = new JsonObject { ["version"] = "1", ["flags"] = definitions, ["values"] = values };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
