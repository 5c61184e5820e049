using System.Text.Json;
using Cutover.Core.Manifest;

namespace Cutover.Pipelines.Local.Scan;

/// <summary>
/// <c>dotnet list package --vulnerable --include-transitive</c> on the service's project. Its "no vulnerable packages"
/// means nothing when no package source publishes vulnerability data (a mirror often does not), so the check reads
/// each source's service index and says "skipped" rather than a hollow "passed".
/// </summary>
public static class VulnerablePackagesCheck
{
    public const string Name = "vulnerable packages";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The project to check: <paramref name="explicitProject"/>, or the path after <c>dotnet build</c> in <c>service.build</c>.</summary>
    public static string? ProjectFor(ServiceManifest manifest, string? explicitProject)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (explicitProject is not null)
        {
            return explicitProject;
        }

        return manifest.Service.Build is { Command: "dotnet", Args: ["build", var target, ..] } && !target.StartsWith('-') ? target : null;
    }

    public static async Task<ScanCheckResult> RunAsync(string? project, StageContext context, Func<Uri, CancellationToken, Task<string?>> readServiceIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(readServiceIndex);
        if (project is null)
        {
            return Skipped("no .NET project to check (service.build is not `dotnet build <project>`; pass --scan-project)");
        }

        var path = Path.GetFullPath(Path.Combine(context.ManifestDirectory, project));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return Skipped($"{project} does not exist");
        }

        var command = new StageCommand("dotnet", ["list", path, "package", "--vulnerable", "--include-transitive"], context.ManifestDirectory, Timeout);
        var result = await CommandRunner.RunAsync(command, context.Output, cancellationToken).ConfigureAwait(false);
        var report = VulnerabilityReport.Parse(result.Output);
        if (!result.Succeeded)
        {
            return Skipped($"{result.Describe(command)} (the package source did not answer?): {result.Output.LastOrDefault(l => l.Trim().Length > 0)?.Trim()}");
        }

        if (report.Verdict == VulnerabilityVerdict.Vulnerable)
        {
            return new ScanCheckResult(Name, StageOutcome.Failed, $"{project} uses packages with known vulnerabilities", result.Tail);
        }

        if (report.Verdict != VulnerabilityVerdict.Clean)
        {
            return Skipped($"could not read the result of {command}");
        }

        var withData = new List<string>();
        foreach (var source in report.Sources)
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && await readServiceIndex(uri, cancellationToken).ConfigureAwait(false) is { } index
                && VulnerabilityReport.PublishesVulnerabilityData(index))
            {
                withData.Add(source);
            }
        }

        return withData.Count == 0
            ? Skipped($"no package source publishes vulnerability data ({string.Join(", ", report.Sources)} has no VulnerabilityInfo resource), so `dotnet list package --vulnerable` cannot find any")
            : new ScanCheckResult(Name, StageOutcome.Passed, $"none known in {project} (data from {string.Join(", ", withData)})", []);
    }

    /// <summary>Reads a NuGet v3 service index over HTTP; null when it does not answer.</summary>
    public static async Task<string?> ReadServiceIndexAsync(Uri index, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            return await http.GetStringAsync(index, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static ScanCheckResult Skipped(string reason) => new(Name, StageOutcome.Skipped, $"skipped: {reason}", []);
}

/// <summary>What <c>dotnet list package --vulnerable</c> said.</summary>
public enum VulnerabilityVerdict
{
    Unknown,
    Clean,
    Vulnerable,
}

/// <summary>The parts of <c>dotnet list package --vulnerable</c>'s output the check needs.</summary>
public sealed record VulnerabilityReport(VulnerabilityVerdict Verdict, IReadOnlyList<string> Sources)
{
    public static VulnerabilityReport Parse(IReadOnlyList<string> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sources = new List<string>();
        var inSources = false;
        var vulnerable = false;
        var clean = false;
        foreach (var raw in output)
        {
            var line = raw.Trim();
            if (line.StartsWith("The following sources were used", StringComparison.Ordinal))
            {
                inSources = true;
                continue;
            }

            if (inSources && line.Length > 0 && !line.Contains(' ', StringComparison.Ordinal))
            {
                sources.Add(line);
                continue;
            }

            inSources = false;
            vulnerable |= line.Contains("has the following vulnerable packages", StringComparison.Ordinal);
            clean |= line.Contains("has no vulnerable packages", StringComparison.Ordinal);
        }

        var verdict = vulnerable ? VulnerabilityVerdict.Vulnerable : clean ? VulnerabilityVerdict.Clean : VulnerabilityVerdict.Unknown;
        return new VulnerabilityReport(verdict, sources);
    }

    /// <summary>Whether a NuGet v3 service index lists a <c>VulnerabilityInfo</c> resource, where vulnerability data comes from.</summary>
    public static bool PublishesVulnerabilityData(string serviceIndexJson)
    {
        try
        {
            using var document = JsonDocument.Parse(serviceIndexJson);
            return document.RootElement.TryGetProperty("resources", out var resources)
                && resources.ValueKind == JsonValueKind.Array
                && resources.EnumerateArray().Any(r => r.TryGetProperty("@type", out var type)
                    && type.GetString()?.StartsWith("VulnerabilityInfo", StringComparison.Ordinal) == true);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
