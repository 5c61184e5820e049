namespace Cutover.Aws.Compliance;

/// <summary>A resource that breaks a rule, and the reason it is accepted when a suppression covers it.</summary>
/// <param name="RuleId">The rule, such as <c>CUT-EC2-1</c>.</param>
/// <param name="Path">The construct path of the L1 resource, such as <c>sample-prod-service-use1/Service/TaskRole/DefaultPolicy/Resource</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="SuppressionReason">Why it is accepted; null for a finding that fails the synthesis.</param>
public sealed record ComplianceFinding(string RuleId, string Path, string Message, string? SuppressionReason)
{
    public bool IsSuppressed => SuppressionReason is not null;

    public override string ToString() => IsSuppressed
        ? $"{Path}: [{RuleId}] {Message} (suppressed: {SuppressionReason})"
        : $"{Path}: [{RuleId}] {Message}";
}
