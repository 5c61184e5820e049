namespace Cutover.Core.Guard;

/// <summary>The load balancer's own counters of production traffic, per instance: what the fail-fast guard reads.</summary>
public interface IRequestCountsSource
{
    /// <summary>
    /// Every production instance's answered requests and 5xx answers, counted since the load balancer started (they
    /// only grow); the guard works on differences between two reads. Keyed by instance id.
    /// </summary>
    Task<IReadOnlyDictionary<string, ErrorCounts>> ReadAsync(CancellationToken cancellationToken);
}
