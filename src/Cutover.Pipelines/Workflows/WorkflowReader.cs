using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Pipelines.Workflows;

/// <summary>
/// Reads a GitHub Actions workflow into a <see cref="Workflow"/>, keeping line numbers for findings. It reads
/// structure only; actionlint checks the syntax and expressions of the same files.
/// </summary>
public static class WorkflowReader
{
    /// <summary>Reads the workflow file at <paramref name="path"/>.</summary>
    public static WorkflowReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(path, File.ReadAllText(path));
    }

    /// <summary>Reads workflow text; <paramref name="path"/> only names it in findings. Never throws for bad input.</summary>
    public static WorkflowReadResult Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            return Unreadable(path, (int)exception.Start.Line, $"not valid YAML: {exception.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Unreadable(path, 1, "a workflow is one YAML document holding a mapping");
        }

        if (Child(root, "jobs") is not YamlMappingNode jobs || jobs.Children.Count == 0)
        {
            return Unreadable(path, 1, "no jobs: mapping");
        }

        var workflow = new Workflow(
            path,
            Scalar(Child(root, "name")),
            Triggers(Child(root, "on")),
            Permissions(Child(root, "permissions")),
            Concurrency(Child(root, "concurrency")),
            Map(Child(root, "env")),
            jobs.Children.Select(pair => Job(pair.Key, pair.Value)).ToList());
        return new WorkflowReadResult(workflow, null);
    }

    private static WorkflowReadResult Unreadable(string path, int line, string message) =>
        new(null, new WorkflowFinding(path, Math.Max(1, line), WorkflowRules.Unreadable, null, message));

    private static WorkflowJob Job(YamlNode key, YamlNode value)
    {
        var job = value as YamlMappingNode;
        var environment = job is null ? null : Child(job, "environment") switch
        {
            YamlMappingNode mapping => Scalar(Child(mapping, "name")),
            var node => Scalar(node),
        };
        return new WorkflowJob(
            Scalar(key) ?? string.Empty,
            job is null ? null : Scalar(Child(job, "name")),
            (int)key.Start.Line,
            job is null ? [] : List(Child(job, "needs")),
            environment,
            job is null ? null : Permissions(Child(job, "permissions")),
            job is null ? null : Concurrency(Child(job, "concurrency")),
            job is null ? new Dictionary<string, string>() : Map(Child(job, "env")),
            job is not null && Child(job, "steps") is YamlSequenceNode steps ? steps.Children.Select(Step).ToList() : []);
    }

    private static WorkflowStep Step(YamlNode node)
    {
        var step = node as YamlMappingNode;
        return new WorkflowStep(
            (int)node.Start.Line,
            step is null ? null : Scalar(Child(step, "name")),
            step is null ? null : Scalar(Child(step, "uses")),
            step is null ? null : Scalar(Child(step, "run")),
            step is null ? new Dictionary<string, string>() : Map(Child(step, "with")),
            step is null ? new Dictionary<string, string>() : Map(Child(step, "env")));
    }

    private static List<string> Triggers(YamlNode? node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.Keys.Select(Scalar).OfType<string>().ToList(),
        _ => List(node),
    };

    // `permissions: read-all` / `write-all` / `{}` are kept as one entry under the key "*".
    private static Dictionary<string, string>? Permissions(YamlNode? node) => node switch
    {
        null => null,
        YamlScalarNode scalar => new Dictionary<string, string>(StringComparer.Ordinal) { ["*"] = scalar.Value ?? string.Empty },
        _ => Map(node),
    };

    private static WorkflowConcurrency? Concurrency(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => new WorkflowConcurrency(scalar.Value ?? string.Empty, null),
        YamlMappingNode mapping => new WorkflowConcurrency(Scalar(Child(mapping, "group")) ?? string.Empty, Scalar(Child(mapping, "cancel-in-progress"))),
        _ => null,
    };

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string> List(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value) => [scalar.Value],
        YamlSequenceNode sequence => sequence.Children.Select(Scalar).OfType<string>().ToList(),
        _ => [],
    };

    private static Dictionary<string, string> Map(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children
                .Where(pair => Scalar(pair.Key) is not null)
                .ToDictionary(pair => Scalar(pair.Key)!, pair => Scalar(pair.Value) ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
