using Constructs;

namespace Cutover.Aws.Compliance;

/// <summary>
/// Explicit, reasoned exceptions to the rule pack. A suppression is metadata on a construct (so it is in the cloud
/// assembly for auditors) and covers that construct and everything below it, for one rule id and, when
/// <c>appliesTo</c> is given, only for findings that name one of those values (an IAM action, say), as cdk-nag's
/// <c>appliesTo</c>: a later wildcard on the same role is still caught.
/// </summary>
public static class ComplianceSuppressions
{
    public const string MetadataType = "cutover:compliance-suppression";

    /// <summary>The shortest reason accepted: a suppression has to say why, not just "ok".</summary>
    public const int MinimumReasonLength = 20;

    public static void Add(IConstruct scope, string ruleId, string reason, params string[] appliesTo)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        if (reason is null || reason.Trim().Length < MinimumReasonLength)
        {
            throw new ArgumentException($"a suppression of {ruleId} at {scope.Node.Path} needs a reason of at least {MinimumReasonLength} characters", nameof(reason));
        }

        scope.Node.AddMetadata(MetadataType, $"{ruleId}|{string.Join(';', appliesTo)}|{reason.Trim()}");
    }

    /// <summary>The reason a suppression on <paramref name="construct"/> or one of its scopes gives for this finding.</summary>
    public static string? ReasonFor(IConstruct construct, string ruleId, string message)
    {
        ArgumentNullException.ThrowIfNull(construct);
        ArgumentNullException.ThrowIfNull(message);
        foreach (var scope in construct.Node.Scopes.Reverse())
        {
            foreach (var entry in scope.Node.Metadata)
            {
                if (entry.Type != MetadataType || entry.Data is not string data)
                {
                    continue;
                }

                var parts = data.Split('|', 3);
                if (parts.Length == 3 && parts[0] == ruleId &&
                    (parts[1].Length == 0 || parts[1].Split(';').Any(value => message.Contains(value, StringComparison.Ordinal))))
                {
                    return parts[2];
                }
            }
        }

        return null;
    }
}
