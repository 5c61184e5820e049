using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>service</c> and <c>versions</c>.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] ServiceFields =
        ["name", "build", "test", "run", "port", "instances", "initialVersion", "healthCheck", "shutdown"];

    private static readonly string[] CommandFields = ["command", "args", "workingDirectory", "env", "timeout"];

    private static readonly string[] HealthCheckFields =
        ["path", "livenessPath", "command", "interval", "timeout", "healthyThreshold", "unhealthyThreshold", "startTimeout"];

    private static readonly string[] ShutdownFields = ["deregistrationDelay", "stopTimeout"];

    private static readonly string[] VersionFields = ["env", "faults"];

    private static readonly string[] FaultFields =
        ["errorRate", "addedLatency", "memoryGrowthMbPerSecond", "failReadiness", "crashAtStart"];

    private ServiceSpec ReadService(YamlField field, IReadOnlyDictionary<string, VersionSpec> versions)
    {
        var map = OpenMap(field, ServiceFields);
        var name = Required(map, "name", "add the service name (lowercase letters, digits and -), such as name: my-service") is { } nameField
            ? ServiceName(nameField)
            : null;
        var build = map.Get("build") is { } buildField ? ReadCommand(OpenMap(buildField, CommandFields)) : null;
        var test = map.Get("test") is { } testField ? ReadCommand(OpenMap(testField, CommandFields)) : null;
        var run = Required(map, "run", "add the command that starts one instance, such as run: { command: dotnet, args: [app.dll] }") is { } runField
            ? ReadCommand(OpenMap(runField, CommandFields))
            : null;
        var port = Int(map, "port", 1, 65535);
        var instances = Int(map, "instances", 1, 16);
        var initialVersion = Required(map, "initialVersion", "add the version that cutover up starts first, such as initialVersion: v1") is { } initialField
            ? InitialVersion(initialField, versions)
            : null;
        var healthCheck = map.Get("healthCheck") is { } healthField ? ReadHealthCheck(healthField) : new HealthCheckSpec();
        var shutdown = map.Get("shutdown") is { } shutdownField ? ReadShutdown(shutdownField) : new ShutdownSpec();

        var service = new ServiceSpec
        {
            Name = name ?? string.Empty,
            Build = build,
            Test = test,
            Run = run ?? new CommandSpec { Command = string.Empty },
            InitialVersion = initialVersion ?? string.Empty,
            HealthCheck = healthCheck,
            Shutdown = shutdown,
        };
        return service with { Port = port ?? service.Port, Instances = instances ?? service.Instances };
    }

    private string? ServiceName(YamlField field)
    {
        var name = Text(field, "my-service");
        if (name is null || ServiceNamePattern().IsMatch(name))
        {
            return name;
        }

        var cleaned = InvalidServiceNameChars().Replace(name.ToLowerInvariant(), "-").Trim('-');
        Report(
            field.Value.Start,
            field.Path,
            $"service name \"{name}\" may only contain lowercase letters, digits and -",
            cleaned.Length == 0 ? "use a name such as my-service" : $"use \"{cleaned}\"");
        return null;
    }

    private string? InitialVersion(YamlField field, IReadOnlyDictionary<string, VersionSpec> versions)
    {
        var version = Text(field, "v1");
        // With no usable versions there is already an error about them; a second one here would be noise.
        if (version is null || versions.Count == 0 || versions.ContainsKey(version))
        {
            return version;
        }

        var suggestion = Suggestions.Closest(version, versions.Keys);
        Report(
            field.Value.Start,
            field.Path,
            $"initial version \"{version}\" is not declared under versions",
            suggestion is null ? $"use one of: {string.Join(", ", versions.Keys)}" : $"did you mean \"{suggestion}\"?");
        return null;
    }

    /// <summary>Reads command fields from an opened map; hooks share them with their own <c>name</c>.</summary>
    private CommandSpec ReadCommand(YamlMap map)
    {
        var command = Required(map, "command", "add the program to run, such as command: dotnet") is { } commandField
            ? Text(commandField, "dotnet")
            : null;
        var args = map.Get("args") is { } argsField ? TextList(argsField, "[build, -c, Release]") : null;
        var workingDirectory = Text(map, "workingDirectory", ". or src/app");
        var env = map.Get("env") is { } envField ? Variables(envField) : null;
        var timeout = Duration(map, "timeout", allowZero: false);

        var spec = new CommandSpec { Command = command ?? string.Empty };
        return spec with
        {
            Args = args ?? spec.Args,
            WorkingDirectory = workingDirectory ?? spec.WorkingDirectory,
            Env = env ?? spec.Env,
            Timeout = timeout ?? spec.Timeout,
        };
    }

    private HealthCheckSpec ReadHealthCheck(YamlField field)
    {
        var map = OpenMap(field, HealthCheckFields);
        var defaults = new HealthCheckSpec();
        return new HealthCheckSpec
        {
            Path = UrlPath(map, "path") ?? defaults.Path,
            LivenessPath = UrlPath(map, "livenessPath") ?? defaults.LivenessPath,
            Command = map.Get("command") is { } commandField ? HealthCommand(commandField) : null,
            Interval = Duration(map, "interval", allowZero: false) ?? defaults.Interval,
            Timeout = Duration(map, "timeout", allowZero: false) ?? defaults.Timeout,
            HealthyThreshold = Int(map, "healthyThreshold", 1, 10) ?? defaults.HealthyThreshold,
            UnhealthyThreshold = Int(map, "unhealthyThreshold", 1, 10) ?? defaults.UnhealthyThreshold,
            StartTimeout = Duration(map, "startTimeout", allowZero: false) ?? defaults.StartTimeout,
        };
    }

    private List<string>? HealthCommand(YamlField field)
    {
        var command = TextList(field, "[/usr/share/dotnet/dotnet, /app/Service.dll, --probe, http://127.0.0.1:8080/health/live]");
        if (command is { Count: 0 })
        {
            Report(field.Value.Start, field.Path, "command is empty", "list the program and its arguments, or delete command to use curl on livenessPath");
            return null;
        }

        return command;
    }

    private string? UrlPath(YamlMap map, string name)
    {
        if (map.Get(name) is not { } field || Text(field, "/health/ready") is not { } path)
        {
            return null;
        }

        if (path.StartsWith('/'))
        {
            return path;
        }

        Report(field.Value.Start, field.Path, $"path \"{path}\" does not start with /", $"write \"/{path}\"");
        return null;
    }

    private ShutdownSpec ReadShutdown(YamlField field)
    {
        var map = OpenMap(field, ShutdownFields);
        var defaults = new ShutdownSpec();
        return new ShutdownSpec
        {
            // Zero is allowed: a service without in-flight requests to drain need not wait.
            DeregistrationDelay = Duration(map, "deregistrationDelay", allowZero: true) ?? defaults.DeregistrationDelay,
            StopTimeout = Duration(map, "stopTimeout", allowZero: false) ?? defaults.StopTimeout,
        };
    }

    private Dictionary<string, VersionSpec> ReadVersions(YamlField field)
    {
        var map = OpenMap(field, allowed: null);
        var versions = new Dictionary<string, VersionSpec>(StringComparer.Ordinal);
        if (IsNull(field.Value) || field.Value is YamlMappingNode { Children.Count: 0 })
        {
            Report(field.Key.Start, field.Path, "no versions are declared", "declare at least one, such as versions: { v1: {} }");
        }

        foreach (var version in map.Fields)
        {
            if (!VersionNamePattern().IsMatch(version.Name))
            {
                Report(
                    version.Key.Start,
                    version.Path,
                    $"version name \"{version.Name}\" may only contain letters, digits, '.', '_' and '-'",
                    "use a name such as v2 or 1.4.0");
            }

            var versionMap = OpenMap(version, VersionFields);
            versions[version.Name] = new VersionSpec
            {
                Name = version.Name,
                Env = versionMap.Get("env") is { } env ? Variables(env) : new Dictionary<string, string>(StringComparer.Ordinal),
                Faults = versionMap.Get("faults") is { } faults ? ReadFaults(faults) : new FaultSpec(),
            };
        }

        return versions;
    }

    private FaultSpec ReadFaults(YamlField field)
    {
        var map = OpenMap(field, FaultFields);
        var defaults = new FaultSpec();
        return new FaultSpec
        {
            ErrorRate = Number(map, "errorRate", 0, 1) ?? defaults.ErrorRate,
            AddedLatency = Duration(map, "addedLatency", allowZero: true) ?? defaults.AddedLatency,
            MemoryGrowthMbPerSecond = Number(map, "memoryGrowthMbPerSecond", 0, double.MaxValue) ?? defaults.MemoryGrowthMbPerSecond,
            FailReadiness = Bool(map, "failReadiness") ?? defaults.FailReadiness,
            CrashAtStart = Bool(map, "crashAtStart") ?? defaults.CrashAtStart,
        };
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex ServiceNamePattern();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex InvalidServiceNameChars();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex VersionNamePattern();
}
