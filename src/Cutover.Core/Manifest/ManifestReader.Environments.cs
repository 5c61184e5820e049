using System.Net;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>environments</c>, including the local target's port plan.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] EnvironmentFields = ["target", "instances", "regions", "ports"];

    private static readonly string[] PortFields =
        ["bindAddress", "production", "test", "haproxyStats", "prometheus", "alertmanager", "controlPlane", "instancesFrom", "instancesTo"];

    private static readonly Dictionary<string, DeploymentTarget> Targets = new(StringComparer.Ordinal)
    {
        ["local"] = DeploymentTarget.Local,
        ["aws"] = DeploymentTarget.Aws,
    };

    // serviceInstances is null when the service section is unusable; the instance range is then not sized.
    private Dictionary<string, EnvironmentSpec> ReadEnvironments(YamlField field, int? serviceInstances)
    {
        var map = OpenMap(field, allowed: null);
        if (IsNull(field.Value) || field.Value is YamlMappingNode { Children.Count: 0 })
        {
            Report(
                field.Key.Start,
                field.Path,
                "no environments are declared",
                "declare one, such as local: { target: local }, or delete environments to get the default local environment");
        }

        var environments = new Dictionary<string, EnvironmentSpec>(StringComparer.Ordinal);
        foreach (var environment in map.Fields)
        {
            if (!EnvironmentNamePattern().IsMatch(environment.Name))
            {
                Report(
                    environment.Key.Start,
                    environment.Path,
                    $"environment name \"{environment.Name}\" may only contain letters, digits, '.', '_' and '-'",
                    "use a name such as staging or prod");
            }

            environments[environment.Name] = ReadEnvironment(environment, serviceInstances);
        }

        return environments;
    }

    private EnvironmentSpec ReadEnvironment(YamlField field, int? serviceInstances)
    {
        var map = OpenMap(field, EnvironmentFields);
        var target = map.Get("target") is { } targetField ? Choice(targetField, Targets) : DeploymentTarget.Local;
        var instances = Int(map, "instances", 1, 16);
        var regionsField = map.Get("regions");
        var portsField = map.Get("ports");

        var regions = regionsField is null ? null : ReadRegions(regionsField);
        var ports = portsField is null ? null : ReadPorts(portsField, instances ?? serviceInstances);

        if (target == DeploymentTarget.Aws)
        {
            if (regionsField is null)
            {
                Report(map.ReportAt, FieldPath.Child(field.Path, "regions"), "an aws environment needs regions", "add regions: [us-east-1]; the first region is the primary");
            }

            if (portsField is not null)
            {
                Report(portsField.Key.Start, portsField.Path, "ports apply to local environments only", "delete ports; on aws the service listens on service.port behind a load balancer");
            }
        }
        else if (target == DeploymentTarget.Local && regionsField is not null)
        {
            Report(regionsField.Key.Start, regionsField.Path, "regions apply to aws environments only", "delete regions, or set target: aws");
        }

        return new EnvironmentSpec
        {
            Name = field.Name,
            Target = target ?? DeploymentTarget.Local,
            Instances = instances,
            Regions = regions ?? [],
            Local = target == DeploymentTarget.Local ? ports ?? new LocalPortsSpec() : null,
        };
    }

    private List<string>? ReadRegions(YamlField field)
    {
        var regions = TextList(field, "[us-east-1, us-east-2]");
        if (regions is null)
        {
            return null;
        }

        if (regions.Count == 0)
        {
            Report(field.Value.Start, field.Path, "regions is empty", "list at least one region, such as [us-east-1]");
            return null;
        }

        var sequence = (YamlSequenceNode)field.Value;
        var valid = true;
        for (var i = 0; i < regions.Count; i++)
        {
            var at = sequence.Children[i].Start;
            var path = FieldPath.Item(field.Path, i);
            if (!RegionPattern().IsMatch(regions[i]))
            {
                Report(at, path, $"\"{regions[i]}\" is not an AWS region name", "use a region code such as us-east-1 or eu-west-2");
                valid = false;
            }
            else if (regions.IndexOf(regions[i]) < i)
            {
                Report(at, path, $"region {regions[i]} is listed twice", "list each region once");
                valid = false;
            }
        }

        return valid ? regions : null;
    }

    private LocalPortsSpec? ReadPorts(YamlField field, int? instances)
    {
        var map = OpenMap(field, PortFields);
        var errorsBefore = _errors.Count;
        var defaults = new LocalPortsSpec();
        var ports = new LocalPortsSpec
        {
            BindAddress = BindAddress(map) ?? defaults.BindAddress,
            ProductionPort = Int(map, "production", 1, 65535) ?? defaults.ProductionPort,
            TestPort = Int(map, "test", 1, 65535) ?? defaults.TestPort,
            HaproxyStatsPort = Int(map, "haproxyStats", 1, 65535) ?? defaults.HaproxyStatsPort,
            PrometheusPort = Int(map, "prometheus", 1, 65535) ?? defaults.PrometheusPort,
            AlertmanagerPort = Int(map, "alertmanager", 1, 65535) ?? defaults.AlertmanagerPort,
            ControlPlanePort = Int(map, "controlPlane", 1, 65535) ?? defaults.ControlPlanePort,
            InstancePortsFrom = Int(map, "instancesFrom", 1, 65535) ?? defaults.InstancePortsFrom,
            InstancePortsTo = Int(map, "instancesTo", 1, 65535) ?? defaults.InstancePortsTo,
        };

        // Cross-checks only make sense on values that parsed; a port replaced by its default would give false alarms.
        if (_errors.Count == errorsBefore)
        {
            CheckPortPlan(map, ports, instances);
        }

        return ports;
    }

    private string? BindAddress(YamlMap map)
    {
        if (map.Get("bindAddress") is not { } field || Text(field, "127.0.0.1") is not { } address)
        {
            return null;
        }

        if (IPAddress.TryParse(address, out _))
        {
            return address;
        }

        Report(field.Value.Start, field.Path, $"\"{address}\" is not an IP address", "use an address such as 127.0.0.1");
        return null;
    }

    private void CheckPortPlan(YamlMap map, LocalPortsSpec ports, int? instances)
    {
        (string Name, int Port)[] single =
        [
            ("production", ports.ProductionPort),
            ("test", ports.TestPort),
            ("haproxyStats", ports.HaproxyStatsPort),
            ("prometheus", ports.PrometheusPort),
            ("alertmanager", ports.AlertmanagerPort),
            ("controlPlane", ports.ControlPlanePort),
        ];

        for (var i = 1; i < single.Length; i++)
        {
            var clash = Array.FindIndex(single, 0, i, other => other.Port == single[i].Port);
            if (clash >= 0)
            {
                // Point at whichever of the two the file sets; defaults never clash with each other.
                var (name, other) = map.Get(single[i].Name) is not null ? (single[i].Name, single[clash].Name) : (single[clash].Name, single[i].Name);
                ReportPort(map, [name], $"{name} port {single[i].Port} is also the {other} port", "give every port its own number");
            }
        }

        var from = ports.InstancePortsFrom;
        var to = ports.InstancePortsTo;
        if (from > to)
        {
            ReportPort(map, ["instancesFrom", "instancesTo"], $"instancesFrom {from} is greater than instancesTo {to}", "make instancesFrom the low end of the range");
            return;
        }

        foreach (var (name, port) in single)
        {
            if (port >= from && port <= to)
            {
                ReportPort(
                    map,
                    [name, "instancesFrom", "instancesTo"],
                    $"{name} port {port} is inside the instance range {from}-{to}",
                    "move the port or the instance range so they do not overlap");
            }
        }

        // Old and new versions run side by side during a release, so the range must hold both.
        var size = to - from + 1;
        if (instances is { } count && 2 * count > size)
        {
            var needed = 2 * count;
            ReportPort(
                map,
                ["instancesTo", "instancesFrom"],
                $"the instance range {from}-{to} holds {size} ports but {count} instances per version need {needed} (old and new versions run side by side)",
                $"widen the range to at least {needed} ports, such as {from}-{from + needed - 1}");
        }
    }

    /// <summary>Reports at the first of <paramref name="candidates"/> the file sets, so the error points at a line the user wrote.</summary>
    private void ReportPort(YamlMap map, string[] candidates, string problem, string fix)
    {
        var field = candidates.Select(map.Get).FirstOrDefault(f => f is not null);
        Report(
            field?.Value.Start ?? map.ReportAt,
            field?.Path ?? FieldPath.Child(map.Path, candidates[0]),
            problem,
            fix);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex EnvironmentNamePattern();

    // Region codes such as us-east-1, eu-central-1 and us-gov-west-1.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
