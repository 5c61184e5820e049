namespace Cutover.Pipelines.Local.Scan;

/// <summary>How many files the secret scan read and what it found.</summary>
public sealed record SecretScanReport(int FilesScanned, IReadOnlyList<SecretFinding> Findings);
