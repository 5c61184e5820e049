using Cutover.Pipelines.Local.Scan;

namespace Cutover.Pipelines.Local;

/// <summary>
/// Scan: what can be scanned on this machine. A secret scan of the tracked files, known-vulnerable NuGet packages
/// (when the package source publishes the data) and shellcheck (when installed). Every check runs, so one report
/// shows all problems; the stage fails if any check failed. Container image scanning and an SBOM are CI's.
/// </summary>
/// <param name="scanProject">The .NET project for the package check; null: the one <c>service.build</c> builds.</param>
public sealed class ScanStage(string? scanProject) : ILocalStage
{
    public PipelineStage Stage => PipelineStage.Scan;

    /// <summary>Reads a package source's service index; replaced in tests.</summary>
    public Func<Uri, CancellationToken, Task<string?>> ReadServiceIndex { get; init; } = VulnerablePackagesCheck.ReadServiceIndexAsync;

    public string Describe(StageContext context) => "secret scan, dotnet list package --vulnerable, shellcheck";

    public async Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (files, source) = await TrackedFiles.ListAsync(context.ManifestDirectory, cancellationToken).ConfigureAwait(false);
        var secrets = SecretScanner.ScanFiles(context.ManifestDirectory, files);
        ScanCheckResult[] checks =
        [
            secrets.Findings.Count == 0
                ? new ScanCheckResult("secrets", StageOutcome.Passed, $"none in {secrets.FilesScanned} file(s) from {source}", [])
                : new ScanCheckResult("secrets", StageOutcome.Failed, $"{secrets.Findings.Count} likely secret(s) in {secrets.FilesScanned} file(s)", [.. secrets.Findings.Select(f => f.ToString())]),
            await VulnerablePackagesCheck.RunAsync(VulnerablePackagesCheck.ProjectFor(context.Manifest, scanProject), context, ReadServiceIndex, cancellationToken).ConfigureAwait(false),
            await ShellcheckCheck.RunAsync(files, context, cancellationToken).ConfigureAwait(false),
        ];

        var detail = string.Join("; ", checks.Select(c => c.ToString()));
        var failed = checks.Where(c => c.Outcome == StageOutcome.Failed).ToList();
        return failed.Count == 0
            ? StageResult.Passed(detail)
            : StageResult.Failed(detail, [.. failed.SelectMany(c => new[] { $"{c.Name}:" }.Concat(c.OutputTail.Select(l => "  " + l)))]);
    }
}
