using System.Collections.Concurrent;
using Cutover.Core.Instances;
using Cutover.Core.Routing;

namespace Cutover.Testing.Fakes;

/// <summary>A load balancer in memory that records every weight it was given, in order.</summary>
public sealed class FakeTrafficRouter : ITrafficRouter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _weights = new(StringComparer.Ordinal);

    public List<IReadOnlyDictionary<string, int>> WeightHistory { get; } = [];

    public List<IReadOnlyList<string>> TestTargetHistory { get; } = [];

    /// <summary>Called before each weight change is applied, to check what was saved first.</summary>
    public Action<IReadOnlyDictionary<string, int>>? OnSetWeights { get; set; }

    public ConcurrentBag<string> Removed { get; } = [];

    public IReadOnlyDictionary<string, int> Weights
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_weights);
            }
        }
    }

    public Task AddAsync(InstanceEndpoint instance, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _weights[instance.Id] = 0;
        }

        return Task.CompletedTask;
    }

    public Task SetWeightsAsync(IReadOnlyDictionary<string, int> weightsByInstanceId, CancellationToken cancellationToken)
    {
        OnSetWeights?.Invoke(weightsByInstanceId);
        lock (_gate)
        {
            // Strict like HAProxy: a weight for an instance that is not in the pool is a bug in the caller.
            var unknown = weightsByInstanceId.Keys.Where(id => !_weights.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"not in the pool: {string.Join(", ", unknown)}", nameof(weightsByInstanceId));
            }

            foreach (var (id, weight) in weightsByInstanceId)
            {
                _weights[id] = weight;
            }

            WeightHistory.Add(new Dictionary<string, int>(weightsByInstanceId));
        }

        return Task.CompletedTask;
    }

    public Task SetTestTargetsAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            TestTargetHistory.Add([.. instances.Select(i => i.Id)]);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _weights.Remove(instanceId);
        }

        Removed.Add(instanceId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RoutedInstance>> GetStateAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RoutedInstance> state = [.. _weights.Select(w => new RoutedInstance(w.Key, w.Value, true, 0, "UP"))];
            return Task.FromResult(state);
        }
    }
}
