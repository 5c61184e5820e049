using System.CommandLine;
using Cutover.Cli.Pipelines;
using Cutover.Core.Manifest;
using Cutover.Local.Secrets;
using Cutover.Pipelines;
using Cutover.Pipelines.Local;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover pipeline run v2</c>: build, test, scan, then a release of v2 to the local target, in the order the CI
/// workflows run them; the first failure stops the run, so nothing is released after a failed build, test or scan.
/// </summary>
internal sealed class PipelineRunCommand : Command
{
    private readonly Argument<string?> _version = new("version")
    {
        Description = "The version the staging stage releases (declared under versions:); needed unless --stages leaves staging out",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _stages = new("--stages")
    {
        Description = $"Comma-separated stages to run (default all): {StageNames.All}",
    };

    private readonly Option<string?> _testCommand = new("--test-command")
    {
        Description = "Test stage command line, run by /bin/sh -c in the manifest's folder (default: service.test of the manifest)",
    };

    private readonly Option<string?> _scanProject = new("--scan-project")
    {
        Description = "Project checked for vulnerable packages (default: the one service.build builds with dotnet build)",
    };

    private readonly Option<string?> _strategy = CommonOptions.Strategy("Staging release strategy: blueGreen, canary or linear (default: release.strategy)");

    private readonly Option<bool> _approve = new("--approve-interactively")
    {
        Description = "Ask for approval at the terminal in the approval stage (default: skipped locally)",
    };

    private readonly Option<bool> _verbose = new("--verbose", "-v")
    {
        Description = "Show every output line of the stages' commands (default: only the tail of a failed stage)",
    };

    public PipelineRunCommand()
        : base("run", """
            Run the pipeline locally: build (service.build), test (service.test or --test-command), scan (secrets,
            vulnerable packages, shellcheck), staging (cutover up if needed, then a release of VERSION), approval
            (skipped unless --approve-interactively), production-primary and production-secondary (aws only: skipped).
            Stops at the first failed stage. Progress on stderr, the summary table on stdout.
            Exit codes: 0 passed, 1 a stage failed (nothing released after a failed build, test or scan), 2 invalid
            input, 3 the staging release rolled back, 4 control plane unreachable, 5 refused.
            """)
    {
        Arguments.Add(_version);
        Options.Add(_stages);
        Options.Add(_testCommand);
        Options.Add(_scanProject);
        Options.Add(_strategy);
        Options.Add(_approve);
        Options.Add(_verbose);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(CommonOptions.File)!;
        var manifest = await ManifestFile.LoadAsync(file, Console.Error, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return ExitCodes.InvalidInput;
        }

        var selected = Select(parseResult, manifest, out var environment, out var errors);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("nothing was run").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var version = parseResult.GetValue(_version);
        var manifestPath = Path.GetFullPath(file);
        ILocalStage[] stages =
        [
            new BuildStage(),
            new TestStage(parseResult.GetValue(_testCommand)),
            new ScanStage(parseResult.GetValue(_scanProject)),
            new StagingStage(version ?? string.Empty, parseResult.GetValue(_strategy), new CliStagingTarget(parseResult, manifestPath, environment?.Name, built: selected.Contains(PipelineStage.Build) && manifest.Service.Build is not null)),
            new ApprovalStage(parseResult.GetValue(_approve) ? AskAsync : null),
            new AwsOnlyStage(PipelineStage.ProductionPrimary),
            new AwsOnlyStage(PipelineStage.ProductionSecondary),
        ];

        await Console.Error.WriteLineAsync($"pipeline: {manifest.Service.Name}{(version is null ? string.Empty : " " + version)}, stages {string.Join(", ", selected.OrderBy(s => s).Select(StageNames.Of))}").ConfigureAwait(false);
        var runner = new LocalPipelineRunner(stages, Console.Error, TimeProvider.System, parseResult.GetValue(_verbose));
        var context = new StageContext(manifest, Path.GetDirectoryName(manifestPath)!, _ => { });
        var result = await runner.RunAsync(selected, context, cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(LocalPipelineRunner.Summarize(result)).ConfigureAwait(false);
        if (result.FailedStage is not { } failed)
        {
            return ExitCodes.Success;
        }

        var released = failed.Stage < PipelineStage.Staging ? "; nothing was released" : string.Empty;
        await Console.Error.WriteLineAsync($"error: the {StageNames.Of(failed.Stage)} stage failed: {failed.Result.Detail}{released}").ConfigureAwait(false);
        return failed.Result.Outcome switch
        {
            StageOutcome.RolledBack => ExitCodes.RolledBack,
            StageOutcome.Refused => ExitCodes.Refused,
            StageOutcome.Unreachable => ExitCodes.Unreachable,
            _ => ExitCodes.Failed,
        };
    }

    /// <summary>The stages to run, checked before anything runs; every problem is reported at once.</summary>
    private HashSet<PipelineStage> Select(ParseResult parseResult, ServiceManifest manifest, out EnvironmentSpec? environment, out List<string> errors)
    {
        errors = [];
        environment = null;
        var selected = new HashSet<PipelineStage>(Enum.GetValues<PipelineStage>());
        if (parseResult.GetValue(_stages) is { } list)
        {
            selected = [.. StageNames.Parse(list, out var unknown)];
            if (unknown.Count > 0 || selected.Count == 0)
            {
                errors.Add($"--stages {list}: {(unknown.Count > 0 ? $"unknown stage(s) {string.Join(", ", unknown)}" : "no stage")}; use {StageNames.All}");
            }
        }

        if (!selected.Contains(PipelineStage.Staging))
        {
            return selected;
        }

        var version = parseResult.GetValue(_version);
        if (version is null)
        {
            errors.Add("the staging stage needs a version: cutover pipeline run <version> (or leave staging out with --stages)");
        }
        else if (!manifest.Versions.ContainsKey(version))
        {
            errors.Add($"unknown version '{version}': {manifest.SourcePath} declares {string.Join(", ", manifest.Versions.Keys)}");
        }

        var writer = new StringWriter();
        environment = ManifestFile.LocalEnvironment(manifest, parseResult.GetValue(CommonOptions.Environment_), writer);
        if (environment is null)
        {
            errors.Add(writer.ToString().Trim().Replace("error: ", string.Empty, StringComparison.Ordinal));
        }
        else
        {
            // A secret staging could not resolve would fail the run only after build, test and scan: say so now.
            var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(parseResult.GetValue(CommonOptions.File)!))!;
            errors.AddRange(SecretResolver.Resolve(manifest, environment, manifestDirectory, Environment.GetEnvironmentVariable).Problems);
        }

        return selected;
    }

    private static async Task<bool> AskAsync(CancellationToken cancellationToken)
    {
        await Console.Error.WriteAsync("approval: release to production? [y/N] ").ConfigureAwait(false);
        var answer = await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return answer?.Trim().ToUpperInvariant() is "Y" or "YES";
    }
}
