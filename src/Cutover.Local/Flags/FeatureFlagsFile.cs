using System.Text;
using System.Text.Json;
using Cutover.Core.Storage;

namespace Cutover.Local.Flags;

/// <summary>
/// The file instances read their feature flags from, in Microsoft.FeatureManagement's configuration schema
/// (<c>{ "FeatureManagement": { "new-greeting": true } }</c>), so a service adds it as a JSON configuration source
/// with reloadOnChange and needs nothing from Cutover.
/// </summary>
public static class FeatureFlagsFile
{
    /// <summary>The variable that gives each instance the file's absolute path.</summary>
    public const string Variable = "CUTOVER_FEATURE_FLAGS_FILE";

    public const string SectionName = "FeatureManagement";

    public static string Render(IEnumerable<KeyValuePair<string, bool>> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject(SectionName);
            foreach (var (name, enabled) in flags)
            {
                json.WriteBoolean(name, enabled);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Writes beside the target and renames over it: rename(2) is atomic, so a reader (a file watcher reloading
    /// configuration) sees the old file or the new one, never half of one.
    /// </summary>
    public static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException ex) when (DiskFullException.IsDiskFull(ex))
        {
            // The old file stays whole: the half-written copy beside it is deleted below.
            throw new DiskFullException(path, ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
