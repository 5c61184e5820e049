using Cutover.Core.Manifest;

namespace Cutover.Cli;

/// <summary>Reads and validates <c>cutover.yaml</c>, printing every error at once.</summary>
internal static class ManifestFile
{
    public const string DefaultPath = "cutover.yaml";

    public static async Task<ServiceManifest?> LoadAsync(string path, TextWriter errors, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            await errors.WriteLineAsync($"error: {path} is a directory, not a manifest file. Pass the file itself, such as --file {Path.Combine(path, DefaultPath)}.").ConfigureAwait(false);
            return null;
        }

        if (!File.Exists(fullPath))
        {
            await errors.WriteLineAsync($"error: {path}: no such file. Run from the folder of your cutover.yaml, or pass --file <path>.").ConfigureAwait(false);
            return null;
        }

        var text = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        var result = ManifestParser.Parse(text, path);
        foreach (var error in result.Errors)
        {
            await errors.WriteLineAsync($"error: {error}").ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            await errors.WriteLineAsync($"{path}: {result.Errors.Count} error(s); nothing was started or changed.").ConfigureAwait(false);
        }

        return result.IsValid ? result.Manifest : null;
    }

    /// <summary>The local environment to run: the one named, or the first local one.</summary>
    public static EnvironmentSpec? LocalEnvironment(ServiceManifest manifest, string? name, TextWriter errors)
    {
        if (name is null)
        {
            var local = manifest.Environments.Values.FirstOrDefault(e => e.Target == DeploymentTarget.Local);
            if (local is null)
            {
                errors.WriteLine($"error: {manifest.SourcePath} declares no environment with target: local; add one or pass --env");
            }

            return local;
        }

        if (!manifest.Environments.TryGetValue(name, out var environment))
        {
            errors.WriteLine($"error: --env {name}: {manifest.SourcePath} declares {string.Join(", ", manifest.Environments.Keys)}");
            return null;
        }

        if (environment.Target != DeploymentTarget.Local)
        {
            errors.WriteLine($"error: --env {name} runs on AWS; the local control plane runs only target: local environments");
            return null;
        }

        return environment;
    }
}
