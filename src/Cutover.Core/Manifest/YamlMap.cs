using YamlDotNet.Core;

namespace Cutover.Core.Manifest;

/// <summary>A mapping whose keys have been checked, looked up by name.</summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, YamlField> _fields;

    public YamlMap(string path, Mark reportAt, IReadOnlyList<YamlField> fields)
    {
        Path = path;
        ReportAt = reportAt;
        Fields = fields;
        _fields = new Dictionary<string, YamlField>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            // First wins, as in DuplicateKeyFilter, should a repeat slip past it (keys compared by tag as well as text).
            _fields.TryAdd(field.Name, field);
        }
    }

    public string Path { get; }

    /// <summary>Where a missing field is reported: the parent's key, which is the line a reader looks at.</summary>
    public Mark ReportAt { get; }

    /// <summary>The fields in document order.</summary>
    public IReadOnlyList<YamlField> Fields { get; }

    public YamlField? Get(string name) => _fields.GetValueOrDefault(name);
}
