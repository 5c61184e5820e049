using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>One key and its value in a YAML mapping, with the field's dotted path.</summary>
internal sealed record YamlField(YamlScalarNode Key, YamlNode Value, string Path)
{
    public string Name => Key.Value ?? string.Empty;
}
