using System.Text.RegularExpressions;

namespace Cutover.Pipelines.Local.Scan;

/// <summary>
/// A deliberately small secret scan: the credentials whose shape alone gives them away (AWS access keys, private
/// keys, GitHub tokens), in text files. It is a tripwire for the obvious mistake, not a replacement for a full
/// scanner such as gitleaks in CI.
/// </summary>
public static partial class SecretScanner
{
    /// <summary>Files larger than this are not read: generated or binary data, not configuration.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new("aws-access-key-id", AwsAccessKeyId(), match => match.EndsWith("EXAMPLE", StringComparison.Ordinal)),
        new("aws-secret-access-key", AwsSecretAccessKey(), match => match.Contains("EXAMPLEKEY", StringComparison.Ordinal)),
        new("private-key", PrivateKey(), _ => false),
        new("github-token", GitHubToken(), _ => false),
    ];

    /// <summary>Every finding in <paramref name="text"/>, by line.</summary>
    public static IEnumerable<SecretFinding> ScanText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            foreach (var rule in Rules)
            {
                foreach (Match match in rule.Pattern.Matches(line))
                {
                    if (!rule.Allowed(match.Value))
                    {
                        yield return new SecretFinding(path, lineNumber, rule.Id, Mask(match.Value));
                    }
                }
            }
        }
    }

    /// <summary>Scans the files (paths relative to <paramref name="root"/>); binary and very large files are passed over.</summary>
    public static SecretScanReport ScanFiles(string root, IEnumerable<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var findings = new List<SecretFinding>();
        var scanned = 0;
        foreach (var relative in relativePaths)
        {
            var path = Path.Combine(root, relative);
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes || (info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // A NUL byte near the start is the usual sign of a binary file (git uses the same test).
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
            {
                continue;
            }

            scanned++;
            findings.AddRange(ScanText(relative, System.Text.Encoding.UTF8.GetString(bytes)));
        }

        return new SecretScanReport(scanned, findings);
    }

    private static string Mask(string value) =>
        value.StartsWith("-----", StringComparison.Ordinal) ? value : $"{value[..Math.Min(4, value.Length)]}… {value.Length} characters";

    [GeneratedRegex(@"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    // The key itself has no telling shape; its name next to 40 base64 characters does.
    [GeneratedRegex(@"(?i)aws_?secret_?access_?key[""']?\s*[:=]\s*[""']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\bgh[pousr]_[A-Za-z0-9]{36,}\b")]
    private static partial Regex GitHubToken();
}
