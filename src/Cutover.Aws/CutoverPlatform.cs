using Amazon.CDK;
using Cutover.Aws.Compatibility;
using Cutover.Aws.Compliance;
using Cutover.Aws.Manifest;
using Cutover.Aws.Settings;
using Cutover.Aws.Stacks;

namespace Cutover.Aws;

/// <summary>Turns the manifest into the stacks of every selected environment, with the compliance checks on all of them.</summary>
internal static class CutoverPlatform
{
    /// <summary>Exit codes, as the CLI's: 0 synthesized, 1 compliance findings, 2 invalid input.</summary>
    public const int Success = 0;
    public const int ComplianceFailed = 1;
    public const int InvalidInput = 2;

    /// <summary>Reads settings and manifest, builds, synthesizes and reports; what <c>cdk synth</c> runs.</summary>
    public static int Synthesize(App app, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var started = TimeProvider.System.GetTimestamp();
        var (settings, settingErrors) = AwsSettingsReader.Read(app.Node);
        if (settingErrors.Count > 0)
        {
            foreach (var error in settingErrors)
            {
                errors.WriteLine($"error: {error}");
            }

            return InvalidInput;
        }

        var load = ManifestLoader.Load(settings.ManifestPath, settings);
        if (!load.IsValid)
        {
            foreach (var line in load.Errors)
            {
                errors.WriteLine(line);
            }

            return InvalidInput;
        }

        var build = Build(app, load.Deployments);
        var assembly = app.Synth();
        foreach (var finding in build.Compliance.Suppressed)
        {
            errors.WriteLine($"info: {finding}");
        }

        foreach (var finding in build.Compliance.Unsuppressed)
        {
            errors.WriteLine($"error: {finding}");
        }

        var resources = assembly.Stacks.Sum(s => ((IDictionary<string, object>)((IDictionary<string, object>)s.Template)["Resources"]).Count);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        output.WriteLine(
            $"synthesized {assembly.Stacks.Length} stacks ({resources} resources) for {string.Join(", ", load.Deployments.Select(d => d.Environment.Name))} " +
            $"into {assembly.Directory} in {seconds:0.0} s; compliance: {build.Compliance.Unsuppressed.Count} finding(s), {build.Compliance.Suppressed.Count} suppressed with reasons");
        return build.Compliance.Unsuppressed.Count == 0 ? Success : ComplianceFailed;
    }

    /// <summary>Adds every environment's stacks to <paramref name="app"/>; the compliance report fills when it synthesizes.</summary>
    public static PlatformBuild Build(App app, IReadOnlyList<Deployment> deployments)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(deployments);
        var environments = deployments.Select(d => new EnvironmentStacks(app, d)).ToList();
        foreach (var environment in environments)
        {
            PlatformNagSuppressions.Apply(environment);
        }

        NodeRuntimeOverride.ApplyTo(app);
        CdkNagMetadata.ApplyTo(app);
        var report = ComplianceChecks.ApplyTo(app);
        return new PlatformBuild(environments, report);
    }
}
