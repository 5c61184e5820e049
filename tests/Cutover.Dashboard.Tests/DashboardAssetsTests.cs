using System.Text.RegularExpressions;
using Cutover.Server.Dashboard;
using Cutover.Testing;

namespace Cutover.Dashboard.Tests;

/// <summary>The files compiled into the server are the built ones, built from the current sources, and fetch nothing from elsewhere.</summary>
public sealed partial class DashboardAssetsTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Root, "src", "Cutover.Server", "Dashboard", "wwwroot");
    private static readonly string Sources = Path.Combine(RepositoryPaths.Root, "web", "src");

    [Fact]
    public void EmbeddedFiles_AreTheCheckedInBuildOutput()
    {
        var served = Directory.EnumerateFiles(WebRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(WebRoot, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        DashboardAssets.All.Select(a => a.Path).Order(StringComparer.Ordinal).ShouldBe(served);
        foreach (var asset in DashboardAssets.All)
        {
            asset.Content.ToArray().ShouldBe(File.ReadAllBytes(Path.Combine(WebRoot, asset.Path)), $"{asset.Path}: run 'npm run build --prefix web'");
        }
    }

    [Fact]
    public void BuildOutput_MatchesTheSources()
    {
        foreach (var source in Directory.EnumerateFiles(Sources, "*", SearchOption.AllDirectories))
        {
            var built = Path.Combine(WebRoot, Path.GetRelativePath(Sources, source));
            File.Exists(built).ShouldBeTrue($"{built} is missing: run 'npm run build --prefix web'");
            File.ReadAllBytes(built).ShouldBe(File.ReadAllBytes(source), $"{built} is stale: run 'npm run build --prefix web'");
        }
    }

    [Fact]
    public void Page_LoadsOnlyItsOwnFiles_AndItsJavaScriptStaysSmall()
    {
        var page = System.Text.Encoding.UTF8.GetString(DashboardAssets.Find("index.html")!.Content.Span);
        var references = Reference().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var javascript = DashboardAssets.All.Where(a => a.Path.EndsWith(".js", StringComparison.Ordinal)).Sum(a => a.Content.Length);

        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => r.StartsWith("/dashboard/", StringComparison.Ordinal) || r.StartsWith('#'));
        foreach (var reference in references.Where(r => r.StartsWith("/dashboard/", StringComparison.Ordinal)))
        {
            DashboardAssets.Find(reference["/dashboard/".Length..]).ShouldNotBeNull(reference);
        }

        javascript.ShouldBeLessThan(200 * 1024);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Reference();
}
