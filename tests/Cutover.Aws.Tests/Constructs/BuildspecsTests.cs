using System.Diagnostics;
using Cutover.Aws.Constructs;
using Cutover.Aws.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Cutover.Aws.Tests.Constructs;

public sealed class BuildspecsTests
{
    private static string Folder => Path.Combine(RepositoryRoot.Path, "src", "Cutover.Aws", "Assets", "buildspecs");

    [Fact]
    public void All_EveryFileInTheFolder_IsEmbeddedAsItIs()
    {
        Directory.GetFiles(Folder, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(Buildspecs.All.Order(StringComparer.Ordinal));
        foreach (var name in Buildspecs.All)
        {
            Buildspecs.Text(name).ShouldBe(File.ReadAllText(Path.Combine(Folder, name)), name);
        }
    }

    [Theory]
    [InlineData(Buildspecs.Build)]
    [InlineData(Buildspecs.Test)]
    [InlineData(Buildspecs.Scan)]
    [InlineData(Buildspecs.Deploy)]
    public void Buildspec_EveryCommand_IsValidBashInAVersion02Spec(string name)
    {
        var root = (YamlMappingNode)Load(name);
        ((YamlScalarNode)root["version"]).Value.ShouldBe("0.2");
        ((YamlScalarNode)root["env"]["shell"]).Value.ShouldBe("bash");
        var commands = ((YamlMappingNode)root["phases"]).Children.Values
            .SelectMany(phase => ((YamlSequenceNode)phase["commands"]).Children.Select(c => ((YamlScalarNode)c).Value!))
            .ToList();
        commands.Count.ShouldBeGreaterThan(3);

        // Version 0.2 runs the commands of a build in one shell, so they are checked as one script.
        var script = Path.Combine(Directory.CreateTempSubdirectory("cutover-buildspec-").FullName, "commands.sh");
        File.WriteAllLines(script, commands);
        using var check = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
        var errors = check.StandardError.ReadToEnd();
        check.WaitForExit();
        check.ExitCode.ShouldBe(0, $"{name}: {errors}");
    }

    [Theory]
    [InlineData(Buildspecs.Build, "IMAGE_TAG IMAGE_ACCOUNT IMAGE_REGION IMAGE_REPOSITORY IMAGE_PROJECT")]
    [InlineData(Buildspecs.Scan, "IMAGE_TAG IMAGE_REGION IMAGE_REPOSITORY SCAN_BLOCKING_SEVERITIES")]
    [InlineData(Buildspecs.Deploy, "IMAGE_TAG CUTOVER_ENVIRONMENT STACKS CDK_CLI_VERSION")]
    public void Buildspec_Values_ComeFromTheProjectsVariablesNotFromTheText(string name, string variables)
    {
        var text = Buildspecs.Text(name);

        foreach (var variable in variables.Split(' '))
        {
            text.ShouldContain($"${variable}", customMessage: name);
        }

        text.ShouldNotContain("sample", customMessage: "no service name in a shared buildspec");
        text.ShouldNotContain("111111111111");
        text.ShouldNotContain("us-east-1");
    }

    private static YamlNode Load(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Buildspecs.Text(name)));
        return stream.Documents[0].RootNode;
    }
}
