using System.Text.RegularExpressions;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>pipeline</c>: the CI/CD system that releases the service, its GitHub repository and branch.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] PipelineFields = ["provider", "repository", "branch"];

    private static readonly Dictionary<string, PipelineProvider> PipelineProviders = new(StringComparer.Ordinal)
    {
        ["githubActions"] = PipelineProvider.GitHubActions,
        ["codePipeline"] = PipelineProvider.CodePipeline,
    };

    private PipelineSpec ReadPipeline(YamlField field)
    {
        var map = OpenMap(field, PipelineFields);
        var defaults = new PipelineSpec();
        return new PipelineSpec
        {
            Provider = map.Get("provider") is { } providerField ? Choice(providerField, PipelineProviders) ?? defaults.Provider : defaults.Provider,
            Repository = map.Get("repository") is { } repositoryField ? Repository(repositoryField) : null,
            Branch = map.Get("branch") is { } branchField ? Branch(branchField) ?? defaults.Branch : defaults.Branch,
        };
    }

    /// <summary>
    /// <c>owner/name</c> as GitHub spells them: the owner 1-39 letters, digits or single hyphens (not at either end),
    /// the name letters, digits, '.', '_' and '-' up to 100 characters and not "." or "..".
    /// </summary>
    private string? Repository(YamlField field)
    {
        var text = Text(field, "example-org/sample");
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != text.LastIndexOf('/'))
        {
            var fix = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("git@", StringComparison.OrdinalIgnoreCase)
                ? "write only owner/name, without the URL, such as example-org/sample"
                : "write it as owner/name, such as example-org/sample";
            Report(field.Value.Start, field.Path, $"repository \"{text}\" is not owner/name", fix);
            return null;
        }

        var owner = text[..slash];
        var name = text[(slash + 1)..];
        if (!GitHubOwnerPattern().IsMatch(owner))
        {
            Report(
                field.Value.Start,
                field.Path,
                $"\"{owner}\" is not a GitHub user or organisation name",
                "use 1-39 letters, digits or single hyphens, not starting or ending with a hyphen");
            return null;
        }

        if (!GitHubRepositoryPattern().IsMatch(name) || name is "." or "..")
        {
            Report(
                field.Value.Start,
                field.Path,
                $"\"{name}\" is not a GitHub repository name",
                "use up to 100 letters, digits, '.', '_' or '-'");
            return null;
        }

        return text;
    }

    /// <summary>A branch name git accepts (git check-ref-format), without the refs/heads/ prefix.</summary>
    private string? Branch(YamlField field)
    {
        var text = Text(field, "main");
        if (text is null)
        {
            return null;
        }

        var problem = text switch
        {
            _ when text.StartsWith("refs/", StringComparison.Ordinal) => "is a full ref",
            _ when text.StartsWith('-') || text.StartsWith('/') || text.EndsWith('/') || text.EndsWith('.') => "starts with '-' or '/', or ends with '/' or '.'",
            _ when text.EndsWith(".lock", StringComparison.Ordinal) => "ends with .lock",
            _ when text.Contains("..", StringComparison.Ordinal) || text.Contains("//", StringComparison.Ordinal) || text.Contains("@{", StringComparison.Ordinal) || text.Contains("/.", StringComparison.Ordinal) => "contains '..', '//', '/.' or '@{'",
            _ when text == "@" || !BranchCharactersPattern().IsMatch(text) => "contains a space, a control character or one of ~^:?*[\\",
            _ => null,
        };
        if (problem is not null)
        {
            var fix = text.StartsWith("refs/heads/", StringComparison.Ordinal)
                ? $"write the branch alone: {text["refs/heads/".Length..]}"
                : "use a branch name such as main or release/1.x";
            Report(field.Value.Start, field.Path, $"branch \"{text}\" {problem}, which git does not allow in a branch name", fix);
            return null;
        }

        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")]
    private static partial Regex GitHubOwnerPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex GitHubRepositoryPattern();

    // Printable ASCII and beyond, minus what git refuses: space, ~ ^ : ? * [ \ and DEL.
    [GeneratedRegex(@"^[^\x00-\x20~^:?*\[\\\x7f]+$")]
    private static partial Regex BranchCharactersPattern();
}
