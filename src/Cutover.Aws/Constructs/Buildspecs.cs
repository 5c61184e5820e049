using System.Reflection;
using Amazon.CDK.AWS.CodeBuild;
using YamlDotNet.RepresentationModel;

namespace Cutover.Aws.Constructs;

/// <summary>
/// The pipeline's buildspecs, kept as YAML files in <c>Assets/buildspecs</c> and embedded in the assembly. They are YAML
/// rather than C# objects because that is the form CodeBuild documents and people review, and yamllint and
/// <c>bash -n</c> can check them as they are (a test does); they hold no per-service or per-environment value (those come
/// from each project's environment variables), so the same text goes into every template.
/// </summary>
internal static class Buildspecs
{
    public const string Build = "build.yml";
    public const string Test = "test.yml";
    public const string Scan = "scan.yml";
    public const string Deploy = "deploy.yml";

    public static IReadOnlyList<string> All { get; } = [Build, Test, Scan, Deploy];

    /// <summary>The embedded file's text.</summary>
    public static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Cutover.Aws.Assets.buildspecs.{name}")
            ?? throw new InvalidOperationException($"buildspec {name} is not embedded in Cutover.Aws");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The buildspec as CodeBuild takes it inline: the YAML parsed and written back into the template.</summary>
    public static BuildSpec Load(string name)
    {
        var document = new YamlStream();
        document.Load(new StringReader(Text(name)));
        var root = (IDictionary<string, object>)ToObject(document.Documents[0].RootNode);
        return BuildSpec.FromObjectToYaml(root);
    }

    // Scalars stay text (CodeBuild reads "0.2" and "20" as it reads 0.2 and 20); comments are dropped.
    private static object ToObject(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ToObject(pair.Value)),
        YamlSequenceNode list => list.Children.Select(ToObject).ToArray(),
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType} in a buildspec"),
    };
}
