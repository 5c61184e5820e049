using Amazon.CDK;
using Constructs;

namespace Cutover.Aws.Compliance;

/// <summary>
/// Suppressions of cdk-nag findings (scripts/validate-templates.cjs runs cdk-nag over the templates, issue 14), written
/// where cdk-nag reads them: the resource's <c>Metadata.cdk_nag.rules_to_suppress</c>, so they are in the template a
/// reviewer reads. As cdk-nag's own <c>NagSuppressions.addResourceSuppressions(scope, …, applyToChildren)</c>,
/// <see cref="Add"/> writes the suppression at once onto every L1 resource below the construct: call it after the
/// construct is built. CDK adds its cross-region reference handlers only while it prepares the app; <see cref="AddUnder"/>
/// records the suppression on the construct and <see cref="CdkNagMetadata"/> writes it onto those handlers then.
/// </summary>
public static class CdkNagSuppressions
{
    public const string MetadataType = "cutover:cdk-nag-suppression";

    /// <param name="scope">The construct whose resources the suppression covers.</param>
    /// <param name="ruleId">cdk-nag's rule id with its pack, e.g. <c>AwsSolutions-IAM5</c>.</param>
    /// <param name="reason">Why the finding is accepted; at least <see cref="ComplianceSuppressions.MinimumReasonLength"/> characters.</param>
    /// <param name="appliesTo">cdk-nag's finding ids it is limited to (<c>Resource::*</c>, <c>Policy::arn:…</c>); a value
    /// starting with <c>/</c> is a regular expression, as cdk-nag's <c>{ regex }</c>. None: every finding of the rule.</param>
    public static void Add(IConstruct scope, string ruleId, string reason, params string[] appliesTo)
    {
        var suppression = Create(scope, underId: null, ruleId, reason, appliesTo);
        var resources = scope.Node.FindAll().OfType<CfnResource>().ToList();
        if (resources.Count == 0)
        {
            throw new ArgumentException($"a suppression of {ruleId} at {scope.Node.Path} covers no resource: add it after the construct is built", nameof(scope));
        }

        foreach (var resource in resources)
        {
            CdkNagMetadata.Write(resource, suppression);
        }
    }

    /// <summary>
    /// As <see cref="Add"/>, for the resources below a child of <paramref name="stack"/> whose id starts with
    /// <paramref name="underId"/> that CDK adds while it prepares the app, such as its cross-region handlers.
    /// </summary>
    public static void AddUnder(Stack stack, string underId, string ruleId, string reason, params string[] appliesTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underId);
        stack.Node.AddMetadata(MetadataType, Create(stack, underId, ruleId, reason, appliesTo).Encode());
    }

    private static CdkNagSuppression Create(IConstruct scope, string? underId, string ruleId, string reason, string[] appliesTo)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        if (reason is null || reason.Trim().Length < ComplianceSuppressions.MinimumReasonLength)
        {
            throw new ArgumentException($"a suppression of {ruleId} at {scope.Node.Path} needs a reason of at least {ComplianceSuppressions.MinimumReasonLength} characters", nameof(reason));
        }

        return new CdkNagSuppression(ruleId, reason.Trim(), underId, appliesTo);
    }

    /// <summary>One suppression; construct metadata holds a late one as one string, so the cloud assembly's metadata stays readable.</summary>
    internal sealed record CdkNagSuppression(string RuleId, string Reason, string? UnderId, IReadOnlyList<string> AppliesTo)
    {
        private const char Separator = '\u001f';

        public string Encode() => string.Join(Separator, RuleId, UnderId ?? "", string.Join('\u001e', AppliesTo), Reason);

        public static CdkNagSuppression? Decode(object? data)
        {
            if (data is not string text || text.Split(Separator) is not [var rule, var under, var applies, var reason])
            {
                return null;
            }

            return new CdkNagSuppression(rule, reason, under.Length == 0 ? null : under, applies.Length == 0 ? [] : applies.Split('\u001e'));
        }
    }
}
