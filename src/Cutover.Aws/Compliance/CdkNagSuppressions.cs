using Constructs;

namespace Cutover.Aws.Compliance;

/// <summary>
/// Suppressions of cdk-nag findings (scripts/validate-templates.cjs runs cdk-nag over the templates, issue 14), written
/// where cdk-nag reads them: the resource's <c>Metadata.cdk_nag.rules_to_suppress</c>, so they are in the template a
/// reviewer reads. Like <see cref="ComplianceSuppressions"/>, a suppression is recorded on a construct and covers every
/// L1 resource below it; <see cref="CdkNagMetadata"/> writes it onto those resources when the app synthesizes, also onto
/// resources CDK creates late (its cross-region reference handlers), when <c>underId</c> names a construct id to match.
/// </summary>
public static class CdkNagSuppressions
{
    public const string MetadataType = "cutover:cdk-nag-suppression";

    /// <param name="scope">The construct whose resources the suppression covers.</param>
    /// <param name="ruleId">cdk-nag's rule id with its pack, e.g. <c>AwsSolutions-IAM5</c>.</param>
    /// <param name="reason">Why the finding is accepted; at least <see cref="ComplianceSuppressions.MinimumReasonLength"/> characters.</param>
    /// <param name="appliesTo">cdk-nag's finding ids it is limited to (<c>Resource::*</c>, <c>Policy::arn:…</c>); a value
    /// starting with <c>/</c> is a regular expression, as cdk-nag's <c>{ regex }</c>. None: every finding of the rule.</param>
    public static void Add(IConstruct scope, string ruleId, string reason, params string[] appliesTo) =>
        Record(scope, underId: null, ruleId, reason, appliesTo);

    /// <summary>
    /// As <see cref="Add"/>, for the resources of <paramref name="scope"/> below a construct whose id starts with
    /// <paramref name="underId"/>: for resources CDK adds late, such as its cross-region handlers.
    /// </summary>
    public static void AddUnder(IConstruct scope, string underId, string ruleId, string reason, params string[] appliesTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underId);
        Record(scope, underId, ruleId, reason, appliesTo);
    }

    private static void Record(IConstruct scope, string? underId, string ruleId, string reason, string[] appliesTo)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        if (reason is null || reason.Trim().Length < ComplianceSuppressions.MinimumReasonLength)
        {
            throw new ArgumentException($"a suppression of {ruleId} at {scope.Node.Path} needs a reason of at least {ComplianceSuppressions.MinimumReasonLength} characters", nameof(reason));
        }

        scope.Node.AddMetadata(MetadataType, new CdkNagSuppression(ruleId, reason.Trim(), underId, appliesTo).Encode());
    }

    /// <summary>One recorded suppression; metadata holds it as one string, so the cloud assembly's metadata stays readable.</summary>
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
