using System.CommandLine;

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

    public static readonly Option<Uri?> Url = new("--url")
    {
        Description = "Control plane URL; default from the manifest's controlPlane port on 127.0.0.1 (env CUTOVER_URL)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON on stdout",
    };
}
