using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>
/// Turns a loaded YAML document into a <see cref="ServiceManifest"/>, collecting every error instead of stopping
/// at the first. Readers return placeholder values after an error so the walk can go on; the manifest is
/// discarded whenever any error was reported, so placeholders never reach a caller.
/// </summary>
internal sealed partial class ManifestReader(string file)
{
    private static readonly string[] RootFields = ["service", "versions", "environments", "release", "alarms", "logs", "notifications", "dashboards", "pipeline", "featureFlags"];

    private readonly List<ManifestError> _errors = [];

    public IReadOnlyList<ManifestError> Errors => _errors;

    public ServiceManifest? Read(YamlNode root)
    {
        var map = OpenMap(root, string.Empty, root.Start, RootFields);
        var serviceField = Required(map, "service", "add a service section with name, run and initialVersion");
        var versionsField = Required(map, "versions", "declare at least one version, such as versions: { v1: {} }");

        // Versions first: service.initialVersion is checked against them.
        var versions = versionsField is null ? [] : ReadVersions(versionsField);
        var service = serviceField is null ? null : ReadService(serviceField, versions);

        var environments = map.Get("environments") is { } environmentsField
            ? ReadEnvironments(environmentsField, service?.Instances)
            : DefaultEnvironments();
        var release = map.Get("release") is { } releaseField ? ReadRelease(releaseField) : new ReleaseSpec();
        CheckGuardTargets(environments);
        var alarms = map.Get("alarms") is { } alarmsField ? ReadAlarms(alarmsField) : new AlarmsSpec();
        var logs = map.Get("logs") is { } logsField ? ReadLogs(logsField) : new LogsSpec();
        CheckLogMetricReferences(logs);
        var notifications = map.Get("notifications") is { } notificationsField ? ReadNotifications(notificationsField) : null;
        var dashboards = ReadDashboards(map.Get("dashboards"), alarms);
        var pipeline = map.Get("pipeline") is { } pipelineField ? ReadPipeline(pipelineField) : new PipelineSpec();
        var featureFlags = ReadFeatureFlags(map.Get("featureFlags"), environments);

        if (_errors.Count > 0 || service is null)
        {
            return null;
        }

        return new ServiceManifest
        {
            SourcePath = file,
            Service = service,
            Versions = versions,
            Environments = environments,
            Release = release,
            Alarms = alarms,
            Logs = logs,
            Notifications = notifications,
            Dashboards = dashboards,
            Pipeline = pipeline,
            FeatureFlags = featureFlags,
        };
    }

    private static Dictionary<string, EnvironmentSpec> DefaultEnvironments() =>
        new(StringComparer.Ordinal) { ["local"] = new EnvironmentSpec { Name = "local", Local = new LocalPortsSpec() } };

    private void Report(Mark at, string field, string problem, string fix) =>
        _errors.Add(ManifestError.At(file, at, field, problem, fix));

    private YamlMap OpenMap(YamlField field, IReadOnlyList<string>? allowed) =>
        OpenMap(field.Value, field.Path, field.Key.Start, allowed);

    /// <summary>
    /// Checks that <paramref name="node"/> is a mapping whose keys are all in <paramref name="allowed"/>
    /// (any key when null). An empty value counts as an empty mapping, so <c>v1:</c> means <c>v1: {}</c>.
    /// </summary>
    private YamlMap OpenMap(YamlNode node, string path, Mark reportAt, IReadOnlyList<string>? allowed)
    {
        var fields = new List<YamlField>();
        if (IsNull(node))
        {
            return new YamlMap(path, reportAt, fields);
        }

        if (node is not YamlMappingNode mapping)
        {
            var fix = allowed is null ? "write key: value pairs" : $"write key: value pairs using {string.Join(", ", allowed)}";
            Report(node.Start, path, $"expected a mapping, got {Describe(node)}", fix);
            return new YamlMap(path, reportAt, fields);
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode key)
            {
                Report(keyNode.Start, path, $"a key must be plain text, got {Describe(keyNode)}", "write the key as a single word");
                continue;
            }

            var name = key.Value ?? string.Empty;
            if (allowed is not null && !allowed.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.Closest(name, allowed);
                Report(
                    key.Start,
                    FieldPath.Child(path, name),
                    $"unknown field \"{name}\"",
                    suggestion is null ? $"remove it; allowed here: {string.Join(", ", allowed)}" : $"did you mean \"{suggestion}\"?");
                continue;
            }

            fields.Add(new YamlField(key, value, FieldPath.Child(path, name)));
        }

        return new YamlMap(path, reportAt, fields);
    }

    private YamlField? Required(YamlMap map, string name, string fix)
    {
        var field = map.Get(name);
        if (field is null)
        {
            Report(map.ReportAt, FieldPath.Child(map.Path, name), $"required field \"{name}\" is missing", fix);
        }

        return field;
    }

    /// <summary>YAML's spellings of "no value": an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "no value",
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        _ => "an unsupported node",
    };
}
