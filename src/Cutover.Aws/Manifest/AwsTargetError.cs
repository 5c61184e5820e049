namespace Cutover.Aws.Manifest;

/// <summary>A manifest that is valid for Cutover but cannot run on AWS as written, such as a PromQL alarm.</summary>
/// <param name="File">The manifest's path.</param>
/// <param name="Field">Dotted path of the field.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Fix">What to change.</param>
public sealed record AwsTargetError(string File, string Field, string Problem, string Fix)
{
    /// <summary>The manifest errors' format without a position: the model keeps no positions after parsing.</summary>
    public override string ToString() => $"{File}: {Field}: {Problem}. Fix: {Fix}.";
}
