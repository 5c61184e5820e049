using Cutover.Aws.Compliance.Rules;

namespace Cutover.Aws.Compliance;

/// <summary>
/// The rules every synthesis runs: only those cdk-nag lacks (issue 14). Encryption, public access, wildcard IAM, backups,
/// log retention, key rotation and Container Insights are cdk-nag's (AwsSolutions, HIPAA.Security, NIST.800-53.R5, run
/// by scripts/validate-templates.cjs); docs/aws.md lists these with what each protects against.
/// </summary>
public static class RulePack
{
    public static IReadOnlyList<ComplianceRule> All { get; } =
    [
        new NoWorldOpenPorts(),
        new NoPlaintextSecrets(),
        new RepositoryScansAndIsImmutable(),
        new ListenerIsEncrypted(),
        new FunctionHasLogGroup(),
    ];
}
