using Cutover.Core.Instances;

namespace Cutover.Core.Releases;

/// <summary>The version serving production and its instances.</summary>
public sealed record Deployment(string Version, IReadOnlyList<InstanceEndpoint> Instances, DateTimeOffset Since);
