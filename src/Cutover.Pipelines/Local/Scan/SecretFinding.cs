namespace Cutover.Pipelines.Local.Scan;

/// <summary>A likely credential in a file. <see cref="Masked"/> shows only its start: the finding must not leak it again.</summary>
public sealed record SecretFinding(string Path, int Line, string RuleId, string Masked)
{
    public override string ToString() => $"{Path}:{Line}: {RuleId} ({Masked})";
}
