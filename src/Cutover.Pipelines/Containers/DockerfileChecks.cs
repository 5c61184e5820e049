using System.Text.RegularExpressions;

namespace Cutover.Pipelines.Containers;

/// <summary>
/// The image rules for a service's Dockerfile, as findings: multi-stage (the final stage copies from a build stage),
/// every external base image pinned to an exact version or digest, a non-root <c>USER</c>, a <c>HEALTHCHECK</c> and
/// an <c>EXPOSE</c> in the final stage.
/// </summary>
public static partial class DockerfileChecks
{
    private static readonly string[] RootUsers = ["root", "0"];

    /// <summary>Every rule's findings; empty when the Dockerfile passes.</summary>
    public static IReadOnlyList<DockerfileFinding> Check(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var findings = new List<DockerfileFinding>();
        if (dockerfile.FinalStage is not { } final)
        {
            findings.Add(new DockerfileFinding(dockerfile.Path, 1, DockerfileRules.MultiStage, "no FROM instruction"));
            return findings;
        }

        var earlierStages = dockerfile.Stages.Take(dockerfile.Stages.Count - 1)
            .SelectMany((stage, index) => new[] { stage.Name, index.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var copiesFromBuild = final.All("COPY").Any(copy => FromStage().Match(copy.Arguments) is { Success: true } match
            && earlierStages.Contains(match.Groups[1].Value));
        if (dockerfile.Stages.Count < 2 || !copiesFromBuild)
        {
            findings.Add(new DockerfileFinding(dockerfile.Path, final.Line, DockerfileRules.MultiStage,
                "build in one stage and COPY --from=<that stage> into a small runtime stage, so the SDK stays out of the image"));
        }

        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in dockerfile.Stages)
        {
            var image = Resolve(stage.Image, dockerfile.GlobalArgs);
            if (image is null)
            {
                findings.Add(new DockerfileFinding(dockerfile.Path, stage.Line, DockerfileRules.BaseImageUnpinned,
                    $"{stage.Image} refers to an ARG without a default; give it a pinned default"));
            }
            else if (!stageNames.Contains(image) && image != "scratch" && !IsPinned(image))
            {
                findings.Add(new DockerfileFinding(dockerfile.Path, stage.Line, DockerfileRules.BaseImageUnpinned,
                    $"{image} is not pinned; use an exact version tag (such as 10.0.12-noble-chiseled) or a digest (@sha256:...)"));
            }

            if (stage.Name is { } name)
            {
                stageNames.Add(name);
            }
        }

        var user = final.All("USER").LastOrDefault();
        if (user is null)
        {
            findings.Add(new DockerfileFinding(dockerfile.Path, final.Line, DockerfileRules.RootUser,
                "the final stage sets no USER, so the image's default user (often root) runs the service; set a non-root one"));
        }
        else if (RootUsers.Contains(user.Arguments.Split(':')[0].Trim(), StringComparer.Ordinal))
        {
            findings.Add(new DockerfileFinding(dockerfile.Path, user.Line, DockerfileRules.RootUser,
                $"USER {user.Arguments} runs the service as root; use a non-root user"));
        }

        var healthcheck = final.All("HEALTHCHECK").LastOrDefault();
        if (healthcheck is null || healthcheck.Arguments.Equals("NONE", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new DockerfileFinding(dockerfile.Path, healthcheck?.Line ?? final.Line, DockerfileRules.NoHealthcheck,
                "the final stage has no HEALTHCHECK; probe the service's liveness endpoint"));
        }

        if (!final.All("EXPOSE").Any())
        {
            findings.Add(new DockerfileFinding(dockerfile.Path, final.Line, DockerfileRules.NoExpose,
                "the final stage has no EXPOSE; document the port the service listens on"));
        }

        return findings;
    }

    /// <summary>
    /// The HEALTHCHECK's command in exec form (<c>CMD ["a", "b"]</c>) as its words, or null when there is none or it
    /// uses the shell form (which needs a shell the image may not have).
    /// </summary>
    public static IReadOnlyList<string>? HealthcheckCommand(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var healthcheck = dockerfile.FinalStage?.All("HEALTHCHECK").LastOrDefault();
        if (healthcheck is null || ExecForm().Match(healthcheck.Arguments) is not { Success: true } match)
        {
            return null;
        }

        return System.Text.Json.JsonSerializer.Deserialize<List<string>>(match.Groups[1].Value);
    }

    private static bool IsPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash && ExactVersion().IsMatch(image[(colon + 1)..]);
    }

    private static string? Resolve(string image, IReadOnlyDictionary<string, string?> args)
    {
        var unresolved = false;
        var resolved = ArgReference().Replace(image, match =>
        {
            var name = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            if (args.TryGetValue(name, out var value) && value is not null)
            {
                return value;
            }

            unresolved = true;
            return match.Value;
        });
        return unresolved ? null : resolved;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+([.+-].*)?$")]
    private static partial Regex ExactVersion();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ArgReference();

    [GeneratedRegex(@"--from=(\S+)")]
    private static partial Regex FromStage();

    [GeneratedRegex(@"\bCMD\s+(\[.*\])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExecForm();
}
