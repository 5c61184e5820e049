using System.Collections.Concurrent;
using Cutover.Core.Instances;

namespace Cutover.Testing.Fakes;

/// <summary>Instances that exist only in memory; a test decides how each version answers its probes.</summary>
public sealed class FakeInstanceRuntime : IInstanceRuntime
{
    private readonly ConcurrentDictionary<string, InstanceEndpoint> _running = new();
    private int _nextPort = 20000;

    /// <summary>Probe result per version; versions not listed are healthy.</summary>
    public ConcurrentDictionary<string, ProbeResult> ProbeByVersion { get; } = new();

    /// <summary>Probe result per instance id, before <see cref="ProbeByVersion"/>: one instance that dies or freezes.</summary>
    public ConcurrentDictionary<string, ProbeResult> ProbeByInstance { get; } = new();

    public ConcurrentQueue<string> Stopped { get; } = new();

    public IReadOnlyList<InstanceEndpoint> Running => [.. _running.Values];

    public Task<InstanceEndpoint> StartAsync(string version, CancellationToken cancellationToken)
    {
        var port = Interlocked.Increment(ref _nextPort);
        var instance = new InstanceEndpoint($"{version}-{port}", version, "127.0.0.1", port, port);
        _running[instance.Id] = instance;
        return Task.FromResult(instance);
    }

    public Task<ProbeResult> ProbeAsync(InstanceEndpoint instance, CancellationToken cancellationToken) =>
        Task.FromResult(!_running.ContainsKey(instance.Id)
            ? ProbeResult.Exited(137)
            : ProbeByInstance.TryGetValue(instance.Id, out var byInstance) ? byInstance
            : ProbeByVersion.TryGetValue(instance.Version, out var result) ? result : ProbeResult.Pass);

    public Task StopAsync(InstanceEndpoint instance, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (_running.TryRemove(instance.Id, out _))
        {
            Stopped.Enqueue(instance.Id);
        }

        return Task.CompletedTask;
    }
}
