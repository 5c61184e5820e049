using Cutover.Core.Manifest;
using Cutover.Core.Routing;

namespace Cutover.Core.Instances;

/// <summary>
/// Decides when new instances may take traffic: each must pass its readiness probe <see cref="HealthCheckSpec.HealthyThreshold"/>
/// times in a row, and then the load balancer's own checks must see it up, all within <see cref="HealthCheckSpec.StartTimeout"/>.
/// </summary>
public sealed class HealthGate(IInstanceRuntime runtime, ITrafficRouter router, HealthCheckSpec spec, TimeProvider time)
{
    /// <summary>Probes until every instance passes, one fails fatally, or the start timeout runs out.</summary>
    public async Task<HealthGateResult> WaitUntilReadyAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var deadline = time.GetUtcNow() + spec.StartTimeout;
        var passes = instances.ToDictionary(i => i.Id, _ => 0, StringComparer.Ordinal);
        var last = instances.ToDictionary(i => i.Id, _ => ProbeResult.Fail("not probed yet"), StringComparer.Ordinal);

        while (true)
        {
            foreach (var instance in instances.Where(i => passes[i.Id] < spec.HealthyThreshold))
            {
                var result = await runtime.ProbeAsync(instance, cancellationToken).ConfigureAwait(false);
                last[instance.Id] = result;
                if (result.Fatal)
                {
                    return HealthGateResult.Failed(instance, $"{instance.Id} failed its health gate: {result.Detail}");
                }

                passes[instance.Id] = result.Healthy ? passes[instance.Id] + 1 : 0;
            }

            if (passes.Values.All(p => p >= spec.HealthyThreshold))
            {
                return HealthGateResult.Ready;
            }

            if (time.GetUtcNow() >= deadline)
            {
                var stuck = instances.First(i => passes[i.Id] < spec.HealthyThreshold);
                return HealthGateResult.Failed(
                    stuck,
                    $"{stuck.Id} did not pass {spec.Path} {spec.HealthyThreshold} times in a row within {spec.StartTimeout.TotalSeconds:0.#}s (last: {last[stuck.Id].Detail})");
            }

            await Task.Delay(spec.Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the load balancer's health checks see every instance up, within the start timeout.</summary>
    public async Task<HealthGateResult> WaitUntilRoutedAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var deadline = time.GetUtcNow() + spec.StartTimeout;
        while (true)
        {
            var state = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
            var down = instances.FirstOrDefault(i => !state.Any(s => s.InstanceId == i.Id && s.Healthy));
            if (down is null)
            {
                return HealthGateResult.Ready;
            }

            if (time.GetUtcNow() >= deadline)
            {
                var status = state.FirstOrDefault(s => s.InstanceId == down.Id)?.Status ?? "not registered";
                return HealthGateResult.Failed(down, $"the load balancer did not see {down.Id} healthy within {spec.StartTimeout.TotalSeconds:0.#}s (status: {status})");
            }

            await Task.Delay(spec.Interval / 4, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
