using Cutover.Aws.Compliance;
using Cutover.Aws.Stacks;

namespace Cutover.Aws;

/// <summary>The stacks built for each environment, and the compliance report their synthesis fills.</summary>
internal sealed record PlatformBuild(IReadOnlyList<EnvironmentStacks> Environments, ComplianceReport Compliance);
