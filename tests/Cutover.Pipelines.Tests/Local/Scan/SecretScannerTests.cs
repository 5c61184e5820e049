using Cutover.Pipelines.Local.Scan;

namespace Cutover.Pipelines.Tests.Local.Scan;

public sealed class SecretScannerTests
{
    // Built at run time so this file itself never holds anything shaped like a credential: the repository's own
    // pipeline scans it.
    private static readonly string AccessKeyId = "AKIA" + "Q7XZ4MPL2RTN8WKD";
    private static readonly string SecretKey = string.Concat(Enumerable.Repeat("k9F/", 10));
    private static readonly string PrivateKeyHeader = "-----BEGIN " + "RSA PRIVATE KEY-----";
    private static readonly string GitHubToken = "ghp" + "_" + new string('a', 20) + new string('7', 16);

    [Fact]
    public void ScanText_EachKindOfCredential_FindsItOnItsLine()
    {
        var text = string.Join('\n',
            "# settings",
            $"aws_access_key_id = {AccessKeyId}",
            $"aws_secret_access_key = {SecretKey}",
            PrivateKeyHeader,
            $"token: {GitHubToken}");

        var findings = SecretScanner.ScanText("config.ini", text).ToList();

        findings.Select(f => (f.Line, f.RuleId)).ShouldBe(
            [(2, "aws-access-key-id"), (3, "aws-secret-access-key"), (4, "private-key"), (5, "github-token")]);
    }

    [Fact]
    public void ScanText_Finding_ShowsOnlyTheStartOfTheSecret()
    {
        var finding = SecretScanner.ScanText("a.env", $"KEY={AccessKeyId}").ShouldHaveSingleItem();

        finding.Masked.ShouldBe("AKIA… 20 characters");
        finding.ToString().ShouldBe("a.env:1: aws-access-key-id (AKIA… 20 characters)");
        finding.ToString().ShouldNotContain(AccessKeyId);
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("the access key id starts with AKIA and has 20 characters")]
    [InlineData("AKIAQ7XZ4MPL2RTN8WK")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("secret_key = 0123456789012345678901234567890123456789")]
    public void ScanText_DocumentationExamplesAndLookalikes_FindsNothing(string line)
    {
        SecretScanner.ScanText("README.md", line).ShouldBeEmpty();
    }

    [Fact]
    public void ScanFiles_BinaryAndTextFiles_ReadsOnlyTheTextOnes()
    {
        var root = Directory.CreateTempSubdirectory("cutover-scan-").FullName;
        File.WriteAllText(Path.Combine(root, "leak.txt"), $"first\nsecond {AccessKeyId}\n");
        File.WriteAllBytes(Path.Combine(root, "blob.bin"), [0x00, 0x01, .. System.Text.Encoding.ASCII.GetBytes(AccessKeyId)]);
        File.WriteAllText(Path.Combine(root, "clean.md"), "nothing here");

        var report = SecretScanner.ScanFiles(root, ["leak.txt", "blob.bin", "clean.md", "missing.txt"]);

        report.FilesScanned.ShouldBe(2);
        report.Findings.ShouldHaveSingleItem().ShouldBe(new SecretFinding("leak.txt", 2, "aws-access-key-id", "AKIA… 20 characters"));
        Directory.Delete(root, recursive: true);
    }
}
