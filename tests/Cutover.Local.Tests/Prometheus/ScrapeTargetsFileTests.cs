using System.Text;
using System.Text.Json;
using Cutover.Core.Instances;
using Cutover.Local.Prometheus;

namespace Cutover.Local.Tests.Prometheus;

public sealed class ScrapeTargetsFileTests
{
    [Fact]
    public void Render_OneInstance_WritesOneTargetGroupWithItsLabels()
    {
        var json = ScrapeTargetsFile.Render([new InstanceEndpoint("demo-v2-1", "v2", "127.0.0.1", 18101, 4242)], "demo");

        using var document = JsonDocument.Parse(json);
        var group = document.RootElement.EnumerateArray().ShouldHaveSingleItem();
        group.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["127.0.0.1:18101"]);
        var labels = group.GetProperty("labels");
        labels.GetProperty("version").GetString().ShouldBe("v2");
        labels.GetProperty("instance_id").GetString().ShouldBe("demo-v2-1");
        labels.GetProperty("service").GetString().ShouldBe("demo");
    }

    [Fact]
    public void Render_TwoInstances_WritesOneGroupEach()
    {
        var json = ScrapeTargetsFile.Render(
            [new InstanceEndpoint("a", "v1", "127.0.0.1", 18100, 1), new InstanceEndpoint("b", "v2", "127.0.0.1", 18101, 2)],
            "demo");

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Render_NoInstances_WritesEmptyArray()
    {
        var json = ScrapeTargetsFile.Render([], "demo");

        Encoding.UTF8.GetString(json).ShouldBe("[]");
    }

    [Fact]
    public void Render_IPv6Host_BracketsTheAddress()
    {
        var json = ScrapeTargetsFile.Render([new InstanceEndpoint("a", "v1", "::1", 18100, 1)], "demo");

        Encoding.UTF8.GetString(json).ShouldContain("\"[::1]:18100\"");
    }

    [Fact]
    public async Task WriteAsync_CalledTwice_LeavesOnlyTheLatestFileAndNoTemporaries()
    {
        var directory = Directory.CreateTempSubdirectory("cutover-targets-").FullName;
        try
        {
            var file = new ScrapeTargetsFile(Path.Combine(directory, "targets", "instances.json"), "demo");

            await file.WriteAsync([new InstanceEndpoint("a", "v1", "127.0.0.1", 18100, 1)], CancellationToken.None);
            await file.WriteAsync([new InstanceEndpoint("b", "v2", "127.0.0.1", 18101, 2)], CancellationToken.None);

            Directory.GetFiles(Path.Combine(directory, "targets")).ShouldBe([file.FilePath]);
            (await File.ReadAllTextAsync(file.FilePath)).ShouldContain("\"b\"");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
