using Cutover.Aws.Alarms;
using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Cutover.Core.Alarms;
using Cutover.Core.Manifest;

namespace Cutover.Aws.Manifest;

/// <summary>
/// Reads <c>cutover.yaml</c> with the same <see cref="ManifestParser"/> as the local target, so an invalid manifest fails
/// synthesis with the same lines <c>cutover validate</c> prints, then checks what only the AWS target needs.
/// </summary>
public static class ManifestLoader
{
    public static ManifestLoadResult Load(string path, AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(path))
        {
            return Failed([$"error: {path}: no such file. Run from the folder of your cutover.yaml, or set -c cutover:manifest=<path>."]);
        }

        return Parse(File.ReadAllText(path), path, settings);
    }

    public static ManifestLoadResult Parse(string yamlText, string path, AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(settings);
        var result = ManifestParser.Parse(yamlText, path);
        if (!result.IsValid)
        {
            // The same lines as the CLI's ManifestFile: one "error: <file>:<line>:<col>: <field>: <problem>. Fix: <fix>." each.
            var lines = result.Errors.Select(e => $"error: {e}").ToList();
            lines.Add($"{path}: {result.Errors.Count} error(s); nothing was synthesized.");
            return Failed(lines);
        }

        return FromManifest(result.Manifest, settings);
    }

    /// <summary>
    /// The AWS target's own checks on a parsed manifest, then one deployment per selected environment. Public so tests can
    /// build a manifest in code (a section whose YAML another part of Cutover reads) and still go through every check.
    /// </summary>
    public static ManifestLoadResult FromManifest(ServiceManifest manifest, AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        var path = manifest.SourcePath;
        var errors = new List<AwsTargetError>();
        var environments = SelectEnvironments(manifest, settings, errors);
        CheckAlarms(manifest, errors);
        CheckDashboards(manifest, errors);
        CheckPipeline(manifest, settings, errors);
        CheckFeatureFlags(manifest, errors);
        foreach (var environment in environments)
        {
            CheckSettingsAndSecrets(manifest, environment, errors);
            if (environment.Regions.Count != 2)
            {
                errors.Add(new AwsTargetError(
                    path,
                    $"environments.{environment.Name}.regions",
                    $"the AWS target runs in exactly two regions, and {environment.Name} lists {environment.Regions.Count}",
                    "list a primary and a secondary region, such as regions: [us-east-1, us-east-2]"));
            }
        }

        if (errors.Count > 0)
        {
            var lines = errors.Select(e => $"error: {e}").ToList();
            lines.Add($"{path}: {errors.Count} error(s); nothing was synthesized.");
            return Failed(lines);
        }

        var deployments = environments.Select(environment =>
        {
            var environmentSettings = EnvironmentCatalog.For(environment.Name);
            environmentSettings = settings.Customize?.Invoke(environmentSettings) ?? environmentSettings;
            var regions = RegionPlan.For(environment.Regions, environmentSettings.AvailabilityZones);
            return new Deployment
            {
                Manifest = manifest,
                Environment = environment,
                Settings = environmentSettings,
                Aws = settings,
                Primary = regions[0],
                Secondary = regions[1],
            };
        }).ToList();
        return new ManifestLoadResult(deployments, []);
    }

    private static List<EnvironmentSpec> SelectEnvironments(ServiceManifest manifest, AwsSettings settings, List<AwsTargetError> errors)
    {
        var aws = manifest.Environments.Values.Where(e => e.Target == DeploymentTarget.Aws).ToList();
        if (settings.Environments.Count == 0)
        {
            if (aws.Count == 0)
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    "environments",
                    "no environment has target: aws",
                    "add one, such as prod: { target: aws, regions: [us-east-1, us-east-2] }"));
            }

            return aws;
        }

        var selected = new List<EnvironmentSpec>();
        foreach (var name in settings.Environments)
        {
            if (!manifest.Environments.TryGetValue(name, out var environment))
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    "environments",
                    $"cutover:environment names \"{name}\", which is not declared",
                    $"use one of {string.Join(", ", aws.Select(e => e.Name))}"));
            }
            else if (environment.Target != DeploymentTarget.Aws)
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    $"environments.{name}.target",
                    $"{name} runs on the local target",
                    $"synthesize an environment with target: aws ({string.Join(", ", aws.Select(e => e.Name))})"));
            }
            else
            {
                selected.Add(environment);
            }
        }

        return selected;
    }

    private static void CheckAlarms(ServiceManifest manifest, List<AwsTargetError> errors)
    {
        var effective = manifest.Alarms.Effective;
        for (var index = 0; index < effective.Count; index++)
        {
            var alarm = effective[index];
            var field = manifest.Alarms.Rules.Contains(alarm)
                ? $"alarms.rules[{IndexOf(manifest.Alarms.Rules, alarm)}]"
                : $"alarms (default {alarm.Name})";
            if (alarm.Metric is PromQlAlarmMetric)
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    $"{field}.promql",
                    $"alarm {alarm.Name} is a PromQL query, which only the local target can evaluate; CloudWatch has no equivalent",
                    "alarm on a built-in metric or an expression over built-in metrics, or keep this alarm for local environments only"));
                continue;
            }

            if (alarm.AnomalyBand is not null)
            {
                // CloudWatch's ANOMALY_DETECTION_BAND is a trained model, not our mean ± width × deviation band:
                // refusing beats deploying an alarm that means something else.
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    $"{field}.anomalyBand",
                    $"alarm {alarm.Name} uses an anomaly band, which the AWS target does not compile yet",
                    "use a static threshold for AWS environments, or keep this alarm for local environments only"));
                continue;
            }

            var period = CloudWatchPeriod.For(alarm.Period);
            var limit = period >= 3600 ? 7 * 86_400 : 86_400;
            if ((long)period * alarm.EvaluationPeriods > limit)
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    $"{field}.evaluationPeriods",
                    $"alarm {alarm.Name} evaluates {alarm.EvaluationPeriods} periods of {period} s on CloudWatch (its {alarm.Period.TotalSeconds:0} s period rounded up), over CloudWatch's {limit / 86_400} day(s)",
                    $"use at most {limit / period} evaluation periods, or a period of at least 60 s"));
            }
        }
    }

    private static void CheckSettingsAndSecrets(ServiceManifest manifest, EnvironmentSpec environment, List<AwsTargetError> errors)
    {
        var field = $"environments.{environment.Name}";
        foreach (var name in environment.Settings.Keys.Concat(environment.Secrets.Keys).Where(AlbService.PlatformVariables.Contains).Distinct())
        {
            var kind = environment.Secrets.ContainsKey(name) ? "secrets" : "settings";
            errors.Add(new AwsTargetError(
                manifest.SourcePath,
                $"{field}.{kind}.{name}",
                $"{name} is set by the platform on AWS and cannot come from {kind}",
                "give the variable another name"));
        }

        foreach (var name in environment.Settings.Keys.Where(environment.Secrets.ContainsKey))
        {
            errors.Add(new AwsTargetError(
                manifest.SourcePath,
                $"{field}.secrets.{name}",
                $"{name} is both a setting and a secret",
                "keep it in one of them"));
        }

        foreach (var (name, reference) in environment.Secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var problem = reference.Source switch
            {
                SecretSource.Environment => $"secret {name} comes from env:{reference.Name}, an environment variable of the control plane, which only the local target has",
                SecretSource.File => $"secret {name} comes from file:{reference.Name}, a file on the control plane's machine, which only the local target has",
                SecretSource.SecretsManager when reference.Name.StartsWith("arn:", StringComparison.Ordinal) =>
                    $"secret {name} names Secrets Manager by ARN; the ARN's random suffix decides what the task may read",
                _ => null,
            };
            if (problem is not null)
            {
                var fix = reference.Source == SecretSource.SecretsManager
                    ? "write the secret's name (secretsmanager:<name>); Cutover builds the ARN in the environment's account and each region"
                    : "store the value in AWS Secrets Manager (secretsmanager:<name>) or Parameter Store (ssm:/<path>) in both regions and refer to it";
                errors.Add(new AwsTargetError(manifest.SourcePath, $"{field}.secrets.{name}", problem, fix));
            }
        }
    }

    /// <summary>A required PromQL series cannot be drawn by CloudWatch; an optional one is left out with a note.</summary>
    private static void CheckDashboards(ServiceManifest manifest, List<AwsTargetError> errors)
    {
        // Only manifest dashboards can hold a required PromQL series: the default's CPU series is optional.
        foreach (var (dashboard, index) in manifest.Dashboards.Custom.Select((d, i) => (d, i)))
        {
            var widgets = dashboard.Rows.SelectMany((row, r) => row.Widgets.Select((widget, w) => (Widget: widget, Field: $"dashboards.custom[{index}].rows[{r}].widgets[{w}]")));
            foreach (var (widget, field) in widgets)
            {
                if (widget is Core.Dashboards.TimeSeriesWidgetSpec { Optional: false } series && series.Metrics.Any(m => m is Core.Dashboards.PromQlDashboardMetric))
                {
                    errors.Add(new AwsTargetError(
                        manifest.SourcePath,
                        $"{field}.promql",
                        $"widget \"{series.Title}\" of dashboard {dashboard.Name} draws a PromQL query, which only the local target can draw; CloudWatch has no equivalent",
                        "draw a built-in metric (requests, errors5xx, errorRate, latency, memoryUtilization, unhealthyInstances, restarts), or keep this dashboard for local environments only"));
                }
            }
        }
    }

    private static void CheckFeatureFlags(ServiceManifest manifest, List<AwsTargetError> errors)
    {
        for (var i = 0; i < manifest.FeatureFlags.Count; i++)
        {
            var flag = manifest.FeatureFlags[i];
            if (!System.Text.RegularExpressions.Regex.IsMatch(flag.Name, FeatureFlagDocument.KeyPattern))
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    $"featureFlags[{i}].name",
                    $"flag \"{flag.Name}\" is not a key AWS AppConfig accepts",
                    "start with a lowercase letter, then up to 63 letters, digits, '_' or '-', such as new-checkout"));
            }
        }
    }

    private static void CheckPipeline(ServiceManifest manifest, AwsSettings settings, List<AwsTargetError> errors)
    {
        if (manifest.Pipeline.Provider != PipelineProvider.CodePipeline)
        {
            return;
        }

        foreach (var name in new[] { PipelinePlan.StagingEnvironment, PipelinePlan.ProductionEnvironment })
        {
            if (!manifest.Environments.TryGetValue(name, out var environment) || environment.Target != DeploymentTarget.Aws)
            {
                errors.Add(new AwsTargetError(
                    manifest.SourcePath,
                    "pipeline.provider",
                    $"the CodePipeline releases to staging, then prod, and the manifest has no aws environment named {name}",
                    $"declare {name}: {{ target: aws, regions: [us-east-1, us-east-2] }}, or use provider: githubActions"));
            }
        }

        if (settings.ReleaseController == ReleaseController.CodeDeploy)
        {
            // With CODE_DEPLOY, CloudFormation cannot change the task definition (aws-cdk 7040), so `cdk deploy` of a new
            // image would release nothing; the pipeline's deploy stages are `cdk deploy`.
            errors.Add(new AwsTargetError(
                manifest.SourcePath,
                "pipeline.provider",
                "the CodePipeline releases with cdk deploy, which needs ECS's own blue/green (cutover:releaseController=ecs); with codeDeploy a new image is not released by CloudFormation",
                "set cutover:releaseController to ecs, or use provider: githubActions"));
        }
    }

    private static int IndexOf(IReadOnlyList<AlarmSpec> rules, AlarmSpec alarm)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], alarm) || rules[i] == alarm)
            {
                return i;
            }
        }

        return -1;
    }

    private static ManifestLoadResult Failed(IReadOnlyList<string> lines) => new([], lines);
}
