using System.Reflection;
using System.Text.Json.Nodes;
using Cutover.Core.Manifest;
using Cutover.Core.Notifications;
using Cutover.Testing;

namespace Cutover.Core.Tests.Manifest;

/// <summary>
/// schemas/cutover.schema.json is what editors validate cutover.yaml against (issue 11, item 5); these tests keep it
/// equal to what ManifestReader accepts, in both directions, read from the reader's own allowed-field lists.
/// </summary>
public sealed class ManifestSchemaTests
{
    // Lists that name a subset of another map's fields (one-of groups), not a map of their own.
    private static readonly string[] SubsetLists = ["MetricSourceFields", "WidgetKindFields", "SeriesOnlyFields"];

    private static readonly JsonObject Schema =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "cutover.schema.json")))!.AsObject();

    private static JsonObject Definitions => Schema["$defs"]!.AsObject();

    [Fact]
    public void Schema_EveryMapTheReaderKnows_HasExactlyItsFields()
    {
        var mismatches = ReaderMaps()
            .Select(map => (map.Key, Expected: map.Value, Actual: PropertiesOf(map.Key)))
            .Where(m => m.Actual is null || !m.Actual.SetEquals(m.Expected))
            .Select(m => $"{m.Key}: reader [{string.Join(", ", m.Expected.Order(StringComparer.Ordinal))}], schema [{string.Join(", ", (m.Actual ?? []).Order(StringComparer.Ordinal))}]")
            .ToList();

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void Schema_EveryObjectItDeclares_IsAMapTheReaderKnows()
    {
        var known = ReaderMaps().Keys.ToHashSet(StringComparer.Ordinal);

        var unknown = Definitions.Where(d => d.Value!["properties"] is not null).Select(d => d.Key).Where(k => !known.Contains(k)).ToList();

        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void Schema_EveryObject_RejectsFieldsItDoesNotName()
    {
        var open = Definitions.Where(d => d.Value!["properties"] is not null && d.Value["additionalProperties"]?.GetValue<bool>() != false)
            .Select(d => d.Key)
            .ToList();

        open.ShouldBeEmpty();
        Schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void SampleManifest_FirstLine_PointsEditorsAtTheSchema()
    {
        var firstLine = File.ReadLines(Path.Combine(RepositoryPaths.Root, "cutover.yaml")).First();

        firstLine.ShouldBe("# yaml-language-server: $schema=./schemas/cutover.schema.json");
    }

    [Fact]
    public void SampleManifest_ReadsWithoutErrors_SoTheSchemaLineIsOnlyAComment()
    {
        var path = Path.Combine(RepositoryPaths.Root, "cutover.yaml");

        ManifestParser.Parse(File.ReadAllText(path), path).Errors.ShouldBeEmpty();
    }

    private static HashSet<string>? PropertiesOf(string key) =>
        (key == "root" ? Schema : Definitions[key])?["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The reader's allowed-field lists by schema name: RootFields is the document, AlarmRuleFields is alarmRule.</summary>
    private static Dictionary<string, HashSet<string>> ReaderMaps()
    {
        var maps = typeof(ManifestReader)
            .GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]) && f.Name.EndsWith("Fields", StringComparison.Ordinal) && !SubsetLists.Contains(f.Name))
            .ToDictionary(
                f => char.ToLowerInvariant(f.Name[0]) + f.Name[1..^"Fields".Length],
                f => ((string[])f.GetValue(null)!).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
        var receiverKinds = (System.Collections.IDictionary)typeof(ManifestReader)
            .GetField("ReceiverKinds", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
        foreach (System.Collections.DictionaryEntry kind in receiverKinds)
        {
            var fields = (string[])kind.Value!.GetType().GetField("Item2")!.GetValue(kind.Value)!;
            maps[$"{kind.Key}Receiver"] = fields.ToHashSet(StringComparer.Ordinal);
        }

        maps["routes"] = NotificationsSpec.RouteNames.ToHashSet(StringComparer.Ordinal);
        maps.Count.ShouldBeGreaterThan(30);
        return maps;
    }
}
