using Cutover.Aws.Compliance.Rules;

namespace Cutover.Aws.Compliance;

/// <summary>The rules every synthesis runs. docs/aws.md lists them with what each protects against.</summary>
public static class RulePack
{
    public static IReadOnlyList<ComplianceRule> All { get; } =
    [
        new BucketBlocksPublicAccess(),
        new BucketIsEncrypted(),
        new NoWildcardPermissions(),
        new DatabaseIsEncrypted(),
        new DatabaseIsPrivate(),
        new DatabaseIsBackedUp(),
        new LogGroupIsRetainedAndEncrypted(),
        new TopicIsEncrypted(),
        new NoWorldOpenPorts(),
        new NoPlaintextSecrets(),
        new ClusterHasContainerInsights(),
        new RepositoryScansAndIsImmutable(),
        new ListenerIsEncrypted(),
        new KeyRotates(),
        new FunctionHasLogGroup(),
    ];
}
