using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Cutover.Aws.Compliance;
using Cutover.Aws.Manifest;
using Cutover.Aws.Settings;
using Cutover.Aws.Stacks;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Tests.Support;

/// <summary>
/// One environment of the repository's cutover.yaml, built and synthesized once and shared by every test that reads it:
/// jsii start-up and synthesis take seconds, assertions on the written templates take milliseconds.
/// </summary>
internal sealed class SynthesizedPlatform
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    private SynthesizedPlatform(ManifestLoadResult load)
    {
        load.IsValid.ShouldBeTrue(string.Join(System.Environment.NewLine, load.Errors));
        Outdir = Directory.CreateTempSubdirectory($"cutover-aws-{load.Deployments.Single().Environment.Name}-").FullName;
        var app = new App(new AppProps { Outdir = Outdir });
        var build = CutoverPlatform.Build(app, load.Deployments);
        Stacks = build.Environments.Single();
        app.Synth();
        Compliance = build.Compliance;
        StackNames = Stacks.All.Select(s => s.StackName).ToList();
    }

    public static SynthesizedPlatform Prod => Cache.Prod.Value;

    public static SynthesizedPlatform Staging => Cache.Staging.Value;

    public static SynthesizedPlatform Dev => Cache.Dev.Value;

    /// <summary>prod with the CodeDeploy controller instead of ECS's own.</summary>
    public static SynthesizedPlatform ProdCodeDeploy => Cache.ProdCodeDeploy.Value;

    public string Outdir { get; }

    public EnvironmentStacks Stacks { get; }

    public ComplianceReport Compliance { get; }

    public IReadOnlyList<string> StackNames { get; }

    /// <summary>
    /// prod of <see cref="ReleaseToolingManifest"/>: CodePipeline, feature flags (new-checkout on in prod), prod's settings
    /// and secrets, staging and prod in their own accounts.
    /// </summary>
    public static SynthesizedPlatform ProdReleaseTooling => Cache.ProdReleaseTooling.Value;

    public static SynthesizedPlatform Create(string environment, AwsSettings? settings = null, string? manifestText = null)
    {
        JsiiEnvironment.Silence();
        settings = (settings ?? new AwsSettings()) with { Environments = [environment] };
        return new SynthesizedPlatform(ManifestLoader.Parse(manifestText ?? File.ReadAllText(RepositoryRoot.Manifest), "cutover.yaml", settings));
    }

    /// <summary>A manifest built in code, through the same AWS checks as a parsed one.</summary>
    public static SynthesizedPlatform Create(string environment, AwsSettings settings, ServiceManifest manifest)
    {
        JsiiEnvironment.Silence();
        return new SynthesizedPlatform(ManifestLoader.FromManifest(manifest, settings with { Environments = [environment] }));
    }

    public Template Template(string stackName)
    {
        lock (_templates)
        {
            if (!_templates.TryGetValue(stackName, out var template))
            {
                template = Amazon.CDK.Assertions.Template.FromString(File.ReadAllText(TemplatePath(stackName)));
                _templates[stackName] = template;
            }

            return template;
        }
    }

    /// <summary>The template as plain JSON, for checks over every resource.</summary>
    public JsonObject Json(string stackName) => JsonNode.Parse(File.ReadAllText(TemplatePath(stackName)))!.AsObject();

    public string TemplateText(string stackName) => File.ReadAllText(TemplatePath(stackName));

    /// <summary>Resources of one type, by logical id.</summary>
    public IReadOnlyList<(string Id, JsonObject Properties)> Resources(string stackName, string type) =>
        Json(stackName)["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []))
            .ToList();

    private string TemplatePath(string stackName) => System.IO.Path.Combine(Outdir, $"{stackName}.template.json");

    private static class Cache
    {
        public static readonly Lazy<SynthesizedPlatform> Prod = new(() => Create("prod"));
        public static readonly Lazy<SynthesizedPlatform> Staging = new(() => Create("staging"));
        public static readonly Lazy<SynthesizedPlatform> Dev = new(() => Create("dev"));
        public static readonly Lazy<SynthesizedPlatform> ProdReleaseTooling = new(() => Create("prod", ReleaseToolingManifest.Settings, ReleaseToolingManifest.Build()));
        public static readonly Lazy<SynthesizedPlatform> ProdCodeDeploy = new(() => Create("prod", new AwsSettings { ReleaseController = ReleaseController.CodeDeploy }));
    }
}
