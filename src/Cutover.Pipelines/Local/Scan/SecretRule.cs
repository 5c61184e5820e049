using System.Text.RegularExpressions;

namespace Cutover.Pipelines.Local.Scan;

/// <summary>One kind of credential the secret scan looks for.</summary>
/// <param name="Id">Short name in findings, such as <c>aws-access-key-id</c>.</param>
/// <param name="Pattern">What a leaked credential looks like.</param>
/// <param name="Allowed">Matches known to be documentation examples, such as AWS's <c>AKIAIOSFODNN7EXAMPLE</c>.</param>
public sealed record SecretRule(string Id, Regex Pattern, Func<string, bool> Allowed);
