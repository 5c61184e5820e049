using System.Text.Json;
using Cutover.Core.Manifest;

namespace Cutover.Local.Flags;

/// <summary>
/// The feature flags of one local environment: the manifest's values plus the ones set at run time, written to
/// <see cref="FilePath"/> for the instances. Run-time values are kept in <c>overrides.json</c> beside it, so a
/// restarted control plane serves what the operator last set rather than silently reverting it.
/// </summary>
public sealed class LocalFeatureFlags(ServiceManifest manifest, EnvironmentSpec environment, string stateDirectory, TimeProvider time) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, FeatureFlagOverride> _overrides = new(StringComparer.Ordinal);

    /// <summary>
    /// The flags file, in a folder of its own: a JSON configuration source with reloadOnChange watches the file's whole
    /// folder, and the state folder holds Prometheus's busy data directory.
    /// </summary>
    public string FilePath { get; } = Path.Combine(Path.GetFullPath(stateDirectory), "flags", "feature-flags.json");

    private string OverridesPath => Path.Combine(Path.GetDirectoryName(FilePath)!, "overrides.json");

    /// <summary>Reads the run-time values kept by an earlier control plane and writes the flags file. Call before any instance starts.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _overrides = await ReadOverridesAsync(cancellationToken).ConfigureAwait(false);
            await WriteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public IReadOnlyList<FeatureFlagStatus> List() =>
        [.. manifest.FeatureFlags.Select(flag =>
        {
            var manifestValue = flag.EnabledIn(environment.Name);
            return _overrides.TryGetValue(flag.Name, out var set)
                ? new FeatureFlagStatus(flag.Name, set.Enabled, manifestValue, flag.Description, set.By, set.At)
                : new FeatureFlagStatus(flag.Name, manifestValue, manifestValue, flag.Description, null, null);
        })];

    /// <summary>Sets a flag for every instance, rewriting the file atomically; null when the manifest declares no such flag.</summary>
    public async Task<FeatureFlagStatus?> SetAsync(string name, bool enabled, string actor, CancellationToken cancellationToken)
    {
        if (!manifest.FeatureFlags.Any(f => f.Name == name))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Copy on write: List() reads without the gate, and must never see a dictionary mid-change.
            _overrides = new Dictionary<string, FeatureFlagOverride>(_overrides, StringComparer.Ordinal)
            {
                [name] = new FeatureFlagOverride(enabled, actor, time.GetUtcNow()),
            };
            await FeatureFlagsFile.WriteAtomicallyAsync(OverridesPath, JsonSerializer.Serialize(_overrides, Json), cancellationToken).ConfigureAwait(false);
            await WriteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return List().Single(f => f.Name == name);
    }

    public void Dispose() => _gate.Dispose();

    private Task WriteAsync(CancellationToken cancellationToken) =>
        FeatureFlagsFile.WriteAtomicallyAsync(FilePath, FeatureFlagsFile.Render(List().Select(f => KeyValuePair.Create(f.Name, f.Enabled))), cancellationToken);

    /// <summary>Kept values of flags the manifest still declares; an unreadable file counts as none (the manifest's values apply).</summary>
    private async Task<Dictionary<string, FeatureFlagOverride>> ReadOverridesAsync(CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, FeatureFlagOverride>(StringComparer.Ordinal);
        try
        {
            var text = await File.ReadAllTextAsync(OverridesPath, cancellationToken).ConfigureAwait(false);
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, FeatureFlagOverride>>(text, Json) ?? [])
            {
                if (manifest.FeatureFlags.Any(f => f.Name == name))
                {
                    kept[name] = value;
                }
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // Nothing set at run time yet, or a damaged file: the manifest's values apply.
        }

        return kept;
    }
}
