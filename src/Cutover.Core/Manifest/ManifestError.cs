using YamlDotNet.Core;

namespace Cutover.Core.Manifest;

/// <summary>One problem found in a manifest: where it is, which field, what is wrong and how to fix it.</summary>
/// <param name="File">The manifest's path as the caller gave it to <see cref="ManifestParser.Parse"/>.</param>
/// <param name="Line">1-based line of the offending node (for a missing field, the line of its parent).</param>
/// <param name="Column">1-based column of the offending node.</param>
/// <param name="Field">Dotted path of the field, such as <c>release.canary.steps[2].weight</c>; empty for the whole document.</param>
/// <param name="Problem">What is wrong, in a short sentence.</param>
/// <param name="Fix">What to change so the error goes away.</param>
public sealed record ManifestError(string File, int Line, int Column, string Field, string Problem, string Fix)
{
    /// <summary>
    /// Formats the error the way compilers do, so editors and terminals can jump to it:
    /// <c>cutover.yaml:14:5: release.canary.steps[2].weight: weight 120 is outside 1-100. Fix: use a percentage from 1 to 100.</c>
    /// </summary>
    public override string ToString()
    {
        var field = Field.Length == 0 ? string.Empty : $"{Field}: ";
        return $"{File}:{Line}:{Column}: {field}{AsSentence(Problem)} Fix: {AsSentence(Fix)}";
    }

    internal static ManifestError At(string file, Mark mark, string field, string problem, string fix) =>
        new(file, ToPosition(mark.Line), ToPosition(mark.Column), field, problem, fix);

    private static int ToPosition(long value) => (int)Math.Clamp(value, 1, int.MaxValue);

    private static string AsSentence(string text) =>
        text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";
}
