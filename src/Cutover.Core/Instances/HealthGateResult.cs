namespace Cutover.Core.Instances;

/// <summary>Whether instances passed the health gate, and if not which one and why.</summary>
public sealed record HealthGateResult(bool Passed, InstanceEndpoint? Instance, string Detail)
{
    public static HealthGateResult Ready { get; } = new(true, null, "all instances healthy");

    public static HealthGateResult Failed(InstanceEndpoint instance, string detail) => new(false, instance, detail);
}
