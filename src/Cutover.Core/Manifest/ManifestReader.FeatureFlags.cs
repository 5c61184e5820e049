using System.Collections.ObjectModel;
using System.Text.RegularExpressions;

namespace Cutover.Core.Manifest;

/// <summary>
/// Reads <c>featureFlags</c>: flag name to <c>{ enabled, description, environments }</c>. Environment overrides must
/// name declared environments, so a typo never leaves a flag silently at its default.
/// </summary>
internal sealed partial class ManifestReader
{
    private const string FeatureFlagExample = "new-greeting: { enabled: false, environments: { local: true } }";

    private static readonly string[] FeatureFlagFields = ["enabled", "description", "environments"];

    private List<FeatureFlagSpec> ReadFeatureFlags(YamlField? field, IReadOnlyDictionary<string, EnvironmentSpec> environments)
    {
        var flags = new List<FeatureFlagSpec>();
        if (field is null)
        {
            return flags;
        }

        foreach (var flagField in OpenMap(field, allowed: null).Fields)
        {
            if (!FeatureFlagNamePattern().IsMatch(flagField.Name))
            {
                // AWS AppConfig's rule for flag keys: a name that works locally must also work on the aws target.
                Report(
                    flagField.Key.Start,
                    flagField.Path,
                    $"feature flag name \"{flagField.Name}\" must start with a lowercase letter, then up to 63 letters, digits, '_' or '-'",
                    "use a name such as new-greeting (AWS AppConfig, which serves the flags on the aws target, accepts no other)");
            }

            var map = OpenMap(flagField, FeatureFlagFields);
            flags.Add(new FeatureFlagSpec
            {
                Name = flagField.Name,
                Enabled = Bool(map, "enabled") ?? false,
                Description = Text(map, "description", "\"Greets with the new text\""),
                Environments = map.Get("environments") is { } environmentsField
                    ? ReadFlagEnvironments(environmentsField, environments)
                    : ReadOnlyDictionary<string, bool>.Empty,
            });
        }

        return flags;
    }

    private Dictionary<string, bool> ReadFlagEnvironments(YamlField field, IReadOnlyDictionary<string, EnvironmentSpec> environments)
    {
        var overrides = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var environment in OpenMap(field, allowed: null).Fields)
        {
            if (!environments.ContainsKey(environment.Name))
            {
                var suggestion = Suggestions.Closest(environment.Name, environments.Keys);
                Report(
                    environment.Key.Start,
                    environment.Path,
                    $"environment \"{environment.Name}\" is not declared under environments",
                    suggestion is null
                        ? $"use one of {string.Join(", ", environments.Keys)}, as in {FeatureFlagExample}"
                        : $"did you mean \"{suggestion}\"?");
                continue;
            }

            if (Bool(environment) is { } enabled)
            {
                overrides[environment.Name] = enabled;
            }
        }

        return overrides;
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_-]{0,63}$")]
    private static partial Regex FeatureFlagNamePattern();
}
