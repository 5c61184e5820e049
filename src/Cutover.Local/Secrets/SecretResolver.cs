using Cutover.Core.Manifest;

namespace Cutover.Local.Secrets;

/// <summary>
/// Resolves a local environment's <c>secrets</c>: <c>env:NAME</c> from the control plane's own environment,
/// <c>file:path</c> from a file (relative paths start at the manifest's folder). The values go only into the
/// environment of the instances; nothing here logs, stores or echoes them.
/// </summary>
public static class SecretResolver
{
    /// <summary>Resolves every secret of <paramref name="environment"/>, collecting every problem at once.</summary>
    /// <param name="manifest">The manifest, for its path in the problems.</param>
    /// <param name="environment">The environment whose secrets to resolve.</param>
    /// <param name="manifestDirectory">Where relative <c>file:</c> paths start.</param>
    /// <param name="readVariable">Reads a variable of the control plane's environment; <see cref="Environment.GetEnvironmentVariable(string)"/> outside tests.</param>
    public static SecretResolution Resolve(ServiceManifest manifest, EnvironmentSpec environment, string manifestDirectory, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(readVariable);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (variable, reference) in environment.Secrets)
        {
            var field = $"{manifest.SourcePath}: environments.{environment.Name}.secrets.{variable}";
            switch (reference.Source)
            {
                case SecretSource.Environment:
                    var value = readVariable(reference.Name);
                    if (string.IsNullOrEmpty(value))
                    {
                        problems.Add($"{field}: env:{reference.Name} is {(value is null ? "not set" : "empty")} in the control plane's environment. Fix: export {reference.Name} in the shell that runs 'cutover up', or change the reference.");
                    }
                    else
                    {
                        values[variable] = value;
                    }

                    break;
                case SecretSource.File:
                    var path = Path.GetFullPath(Path.Combine(manifestDirectory, reference.Name));
                    if (ReadSecretFile(path) is { } fromFile)
                    {
                        values[variable] = fromFile;
                    }
                    else
                    {
                        problems.Add($"{field}: file:{reference.Name} ({path}) does not exist, cannot be read or is empty. Fix: write the secret to that file (readable by the control plane only), or change the reference.");
                    }

                    break;
                default:
                    problems.Add($"{field}: {reference.Source} secrets are resolved on the aws target only. Fix: use env:NAME or file:path in a local environment.");
                    break;
            }
        }

        return new SecretResolution(values, problems);
    }

    /// <summary>The file's text without one trailing line break (<c>echo secret &gt; file</c> adds one); null when missing, unreadable or empty.</summary>
    private static string? ReadSecretFile(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            text = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
