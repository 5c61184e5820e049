using Cutover.Core.Instances;

namespace Cutover.Core.Routing;

/// <summary>The load balancer: which instances get production and test traffic, and in what proportion.</summary>
public interface ITrafficRouter
{
    /// <summary>Adds an instance to the production pool with weight 0: it is health-checked but gets no traffic.</summary>
    Task AddAsync(InstanceEndpoint instance, CancellationToken cancellationToken);

    /// <summary>Sets production weights (0-256) of the given instances at once. Weight 0 drains: in-flight requests finish, no new ones arrive.</summary>
    Task SetWeightsAsync(IReadOnlyDictionary<string, int> weightsByInstanceId, CancellationToken cancellationToken);

    /// <summary>Routes the test listener to exactly these instances (none: the test listener answers 503).</summary>
    Task SetTestTargetsAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken);

    /// <summary>Takes an instance out of the pools entirely. Call after it has been drained.</summary>
    Task RemoveAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>What the load balancer sees now: weights, health checks, open sessions.</summary>
    Task<IReadOnlyList<RoutedInstance>> GetStateAsync(CancellationToken cancellationToken);
}
