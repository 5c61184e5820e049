using System.CommandLine;
using Cutover.Core.Manifest;

namespace Cutover.Cli;

/// <summary>Options every command takes: which manifest, which environment, or a control plane URL directly.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> File = new("--file", "-f")
    {
        Description = "Path of the manifest",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CUTOVER_FILE") ?? ManifestFile.DefaultPath,
        Recursive = true,
    };

    public static readonly Option<string?> Environment_ = new("--env", "-e")
    {
        Description = "Local environment of the manifest to use (default: the first with target: local)",
        Recursive = true,
    };

    // System.CommandLine has no parser for Uri: without this one every --url value threw (issue 10).
    public static readonly Option<Uri?> Url = new("--url")
    {
        Description = "Control plane URL; default from the manifest's controlPlane port on 127.0.0.1 (env CUTOVER_URL)",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            if (ControlPlaneUrl.TryParse(text, out var url, out var problem))
            {
                return url;
            }

            result.AddError($"--url {text}: {problem}");
            return null;
        },
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON on stdout",
    };

    /// <summary>A <c>--strategy</c> option taking exactly the manifest's spellings (<see cref="ReleaseStrategyNames"/>).</summary>
    public static Option<string?> Strategy(string description)
    {
        var option = new Option<string?>("--strategy", "-s") { Description = description };
        option.AcceptOnlyFromAmong([.. ReleaseStrategyNames.ByName.Keys]);
        return option;
    }
}
