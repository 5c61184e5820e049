using System.Collections.ObjectModel;
using System.Net;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>environments</c>, including the local target's port plan.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] EnvironmentFields = ["target", "instances", "regions", "ports", "minFreeDiskMb", "settings", "secrets"];

    private static readonly string[] PortFields =
        ["bindAddress", "production", "test", "haproxyStats", "prometheus", "alertmanager", "controlPlane", "instancesFrom", "instancesTo"];

    // Which source each prefix names, and the one target that can resolve it.
    private static readonly Dictionary<string, (SecretSource Source, DeploymentTarget Target)> SecretPrefixes = new(StringComparer.Ordinal)
    {
        ["env"] = (SecretSource.Environment, DeploymentTarget.Local),
        ["file"] = (SecretSource.File, DeploymentTarget.Local),
        ["secretsmanager"] = (SecretSource.SecretsManager, DeploymentTarget.Aws),
        ["ssm"] = (SecretSource.ParameterStore, DeploymentTarget.Aws),
    };

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
        var minFreeDiskField = map.Get("minFreeDiskMb");
        var minFreeDisk = Int(map, "minFreeDiskMb", 0, MaxLogSizeMb);

        var regions = regionsField is null ? null : ReadRegions(regionsField);
        var ports = portsField is null ? null : ReadPorts(portsField, instances ?? serviceInstances);
        var settings = map.Get("settings") is { } settingsField ? ReadSettings(settingsField) : null;
        var secrets = map.Get("secrets") is { } secretsField ? ReadSecrets(secretsField, target, settings) : null;

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

            if (minFreeDiskField is not null)
            {
                // The local control plane's state directory; an aws environment has no such directory.
                Report(
                    minFreeDiskField.Key.Start,
                    minFreeDiskField.Path,
                    "minFreeDiskMb applies to local environments only (the free space 'cutover up' needs in the state directory)",
                    "delete minFreeDiskMb, or set target: local");
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
            MinFreeDiskMb = minFreeDisk ?? EnvironmentSpec.DefaultMinFreeDiskMb,
            Local = target == DeploymentTarget.Local ? ports ?? new LocalPortsSpec() : null,
            Settings = (IReadOnlyDictionary<string, string>?)settings ?? ReadOnlyDictionary<string, string>.Empty,
            Secrets = (IReadOnlyDictionary<string, SecretReference>?)secrets ?? ReadOnlyDictionary<string, SecretReference>.Empty,
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

    /// <summary><c>settings</c>: plain values given to the instances as environment variables.</summary>
    private Dictionary<string, string> ReadSettings(YamlField field)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in OpenMap(field, allowed: null).Fields)
        {
            if (!InstanceVariableName(variable))
            {
                continue;
            }

            if (IsNull(variable.Value))
            {
                settings[variable.Name] = string.Empty;
            }
            else if (Scalar(variable.Value, variable.Path, "text", "write the value as text, such as LOG_LEVEL: Information") is { } value)
            {
                settings[variable.Name] = value.Value ?? string.Empty;
            }
        }

        return settings;
    }

    /// <summary>
    /// <c>secrets</c>: variable name to a reference (<c>env:</c>, <c>file:</c>, <c>secretsmanager:</c>, <c>ssm:</c>) that
    /// the target resolves when an instance starts. Errors never repeat a value that is not a reference: it may be
    /// the secret itself, pasted by mistake, and errors end up in CI logs.
    /// </summary>
    private Dictionary<string, SecretReference> ReadSecrets(YamlField field, DeploymentTarget? target, Dictionary<string, string>? settings)
    {
        var secrets = new Dictionary<string, SecretReference>(StringComparer.Ordinal);
        foreach (var variable in OpenMap(field, allowed: null).Fields)
        {
            if (!InstanceVariableName(variable))
            {
                continue;
            }

            if (settings?.ContainsKey(variable.Name) == true)
            {
                Report(variable.Key.Start, variable.Path, $"{variable.Name} is under settings as well as secrets", $"keep {variable.Name} in one of them: secrets for values that must not be in the repository");
                continue;
            }

            if (ReadSecretReference(variable, target) is { } reference)
            {
                secrets[variable.Name] = reference;
            }
        }

        return secrets;
    }

    private SecretReference? ReadSecretReference(YamlField variable, DeploymentTarget? target)
    {
        var fix = target == DeploymentTarget.Aws
            ? "write secretsmanager:<secret name> or ssm:/<parameter path>, never the secret itself"
            : "write env:<VARIABLE of the control plane> or file:<path>, never the secret itself";
        var scalar = Scalar(variable.Value, variable.Path, "a secret reference", fix);
        if (scalar is null)
        {
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 0 ? text[..colon] : string.Empty;
        if (!SecretPrefixPattern().IsMatch(prefix))
        {
            Report(scalar.Start, variable.Path, "the value is not a secret reference (it has no source prefix such as env:)", fix);
            return null;
        }

        if (!SecretPrefixes.TryGetValue(prefix, out var known))
        {
            var suggestion = Suggestions.Closest(prefix, SecretPrefixes.Keys);
            Report(
                scalar.Start,
                variable.Path,
                $"unknown secret source \"{prefix}:\"",
                suggestion is null ? $"use env:, file:, secretsmanager: or ssm:; {fix}" : $"did you mean \"{suggestion}:\"?");
            return null;
        }

        var name = text[(colon + 1)..].Trim();
        if (target is { } environmentTarget && known.Target != environmentTarget)
        {
            var targetName = environmentTarget == DeploymentTarget.Aws ? "aws" : "local";
            var allowed = known.Target == DeploymentTarget.Aws ? "aws" : "local";
            Report(
                scalar.Start,
                variable.Path,
                $"{prefix}: secrets work on the {allowed} target only, and this environment's target is {targetName}",
                $"{fix}; or set target: {allowed}");
            return null;
        }

        var problem = known.Source switch
        {
            _ when name.Length == 0 => ($"{prefix}: names nothing", fix),
            SecretSource.Environment when !VariableNamePattern().IsMatch(name) =>
                ($"\"{name}\" is not a valid environment variable name", "use letters, digits and _, not starting with a digit, such as env:DB_PASSWORD"),
            SecretSource.SecretsManager when !SecretsManagerNamePattern().IsMatch(name) =>
                ($"\"{name}\" is not a Secrets Manager secret name or ARN", "use letters, digits and /_+=.@-, such as secretsmanager:prod/db-password"),
            SecretSource.ParameterStore when !ParameterPathPattern().IsMatch(name) =>
                ($"\"{name}\" is not a Parameter Store path", "start the path with / and use letters, digits and /_.-, such as ssm:/prod/db-password"),
            _ => default((string Problem, string Fix)?),
        };
        if (problem is { } found)
        {
            Report(scalar.Start, variable.Path, found.Problem, found.Fix);
            return null;
        }

        return new SecretReference(known.Source, name);
    }

    /// <summary>A variable name a shell accepts, and not one Cutover sets itself (it would be overwritten).</summary>
    private bool InstanceVariableName(YamlField variable)
    {
        if (!VariableNamePattern().IsMatch(variable.Name))
        {
            Report(
                variable.Key.Start,
                variable.Path,
                $"\"{variable.Name}\" is not a valid environment variable name",
                "use letters, digits and _, not starting with a digit, such as LOG_LEVEL");
            return false;
        }

        if (variable.Name == "PORT" || variable.Name.StartsWith("CUTOVER_", StringComparison.Ordinal))
        {
            Report(
                variable.Key.Start,
                variable.Path,
                $"{variable.Name} is set by Cutover for every instance",
                "choose another name; PORT and CUTOVER_* are reserved");
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[a-zA-Z]{1,20}$")]
    private static partial Regex SecretPrefixPattern();

    // A secret name, or a full ARN (which holds colons).
    [GeneratedRegex("^([A-Za-z0-9/_+=.@-]{1,512}|arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+)$")]
    private static partial Regex SecretsManagerNamePattern();

    [GeneratedRegex("^/[A-Za-z0-9_./-]{1,2047}$")]
    private static partial Regex ParameterPathPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex EnvironmentNamePattern();

    // Region codes such as us-east-1, eu-central-1 and us-gov-west-1.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
