using Cutover.Core.Manifest;
using Cutover.Pipelines.Local;

namespace Cutover.Pipelines.Tests.Local;

public sealed class ScanStageTests
{
    [Fact]
    public async Task RunAsync_FolderWithALeakedKeyAndABadScript_FailsNamingBothAndWithoutTheKey()
    {
        var root = Directory.CreateTempSubdirectory("cutover-scan-stage-").FullName;
        var key = "AKIA" + "Q7XZ4MPL2RTN8WKD";
        File.WriteAllText(Path.Combine(root, "settings.env"), $"AWS_ACCESS_KEY_ID={key}\n");
        File.WriteAllText(Path.Combine(root, "deploy.sh"), "#!/usr/bin/env bash\ndir=$1\nrm -rf $dir/*\n");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "bin", "ignored.env"), $"AWS_ACCESS_KEY_ID={key}\n");
        var manifest = ManifestParser.Parse("service: { name: s, run: { command: x }, initialVersion: v1 }\nversions: { v1: {} }\n", "cutover.yaml").Manifest!;

        var result = await new ScanStage(null).RunAsync(new StageContext(manifest, root, _ => { }), CancellationToken.None);

        result.Outcome.ShouldBe(StageOutcome.Failed);
        result.Detail.ShouldStartWith("secrets: 1 likely secret(s) in 2 file(s); vulnerable packages: skipped: no .NET project to check");
        result.Detail.ShouldContain("shellcheck: problems in 1 script(s)");
        result.OutputTail.ShouldContain("  settings.env:1: aws-access-key-id (AKIA… 20 characters)");
        string.Join('\n', result.OutputTail).ShouldContain("SC2115");
        string.Join('\n', result.OutputTail).ShouldNotContain(key);
        Directory.Delete(root, recursive: true);
    }
}
