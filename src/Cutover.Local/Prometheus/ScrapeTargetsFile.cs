using System.Text.Json;
using Cutover.Core.Instances;

namespace Cutover.Local.Prometheus;

/// <summary>
/// The file_sd targets file for job <c>service</c>: one target group per instance, labelled with its version, id and
/// service. Written to a temporary file and renamed over the old one, so Prometheus never reads half a file; it
/// notices the change without a reload.
/// </summary>
internal sealed class ScrapeTargetsFile(string path, string serviceName)
{
    private readonly Lock _gate = new();
    private long _lastStarted;
    private long _lastRenamed;

    public string FilePath { get; } = path;

    public async Task WriteAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        long sequence;
        lock (_gate)
        {
            sequence = ++_lastStarted;
        }

        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);

        // Same folder, so the rename stays on one file system and is atomic. The name does not match the
        // file_sd entry, so Prometheus ignores it.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, Render(instances, serviceName), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                // Concurrent writers: the newest call wins even if an older one finishes writing later.
                if (sequence > _lastRenamed)
                {
                    File.Move(temporary, FilePath, overwrite: true);
                    _lastRenamed = sequence;
                }
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static byte[] Render(IReadOnlyList<InstanceEndpoint> instances, string serviceName)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var instance in instances)
            {
                json.WriteStartObject();
                json.WriteStartArray("targets");
                json.WriteStringValue(HostPort.Format(instance.Host, instance.Port));
                json.WriteEndArray();
                json.WriteStartObject("labels");
                json.WriteString("version", instance.Version);
                json.WriteString("instance_id", instance.Id);
                json.WriteString("service", serviceName);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
