using YamlDotNet.Core;

namespace Cutover.Core.Manifest;

/// <summary>Names of list items (alarms, analysis metrics, dashboards, metric filters): lowercase, unique in their list.</summary>
internal sealed partial class ManifestReader
{
    /// <summary>Reads a list item's name: lowercase letters, digits and -, not used before in the same list.</summary>
    /// <param name="field">The item's name field.</param>
    /// <param name="firstUse">Where each name of the list was first used.</param>
    /// <param name="what">What is named, for the message: "alarm", "dashboard".</param>
    /// <param name="example">A valid name, used in the message's fix.</param>
    /// <param name="duplicateFix">The fix when the name is used twice.</param>
    private string? UniqueName(YamlField field, Dictionary<string, Mark> firstUse, string what, string example, string duplicateFix)
    {
        var name = Text(field, example);
        if (name is null)
        {
            return null;
        }

        if (!ServiceNamePattern().IsMatch(name))
        {
            var cleaned = InvalidServiceNameChars().Replace(name.ToLowerInvariant(), "-").Trim('-');
            Report(
                field.Value.Start,
                field.Path,
                $"{what} name \"{name}\" may only contain lowercase letters, digits and -",
                cleaned.Length == 0 ? $"use a name such as {example}" : $"use \"{cleaned}\"");
            return null;
        }

        if (!firstUse.TryAdd(name, field.Value.Start))
        {
            Report(field.Value.Start, field.Path, $"{what} name \"{name}\" is used twice (first on line {firstUse[name].Line})", duplicateFix);
            return null;
        }

        return name;
    }
}
