using Cutover.Pipelines.Containers;
using Cutover.Pipelines.Tests.Support;
using Cutover.Testing;

namespace Cutover.Pipelines.Tests.Containers;

public sealed class DockerfileChecksTests
{
    private const string Good = """
        # syntax=docker/dockerfile:1
        ARG RUNTIME=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
        RUN dotnet publish -o /app
        FROM ${RUNTIME}
        COPY --from=build /app ./
        USER 1654:1654
        EXPOSE 8080
        HEALTHCHECK --interval=10s \
          CMD ["/usr/share/dotnet/dotnet", "/app/x.dll", "--probe", "http://127.0.0.1:8080/health/live"]
        ENTRYPOINT ["/usr/share/dotnet/dotnet", "/app/x.dll"]
        """;

    [Fact]
    public void Check_RepositoryDockerfile_HasNoFindings()
    {
        DockerfileChecks.Check(RepositoryFiles.Dockerfile).ShouldBeEmpty();
    }

    [Fact]
    public void Read_RepositoryDockerfile_BuildsInTheSdkAndRunsChiseledAsTheAppUser()
    {
        var dockerfile = RepositoryFiles.Dockerfile;

        dockerfile.Stages.Select(stage => stage.Name).ShouldBe(["build", "runtime"]);
        dockerfile.GlobalArgs["SDK_IMAGE"].ShouldBe("mcr.microsoft.com/dotnet/sdk:10.0.401-noble");
        dockerfile.GlobalArgs["RUNTIME_IMAGE"].ShouldBe("mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled");
        var runtime = dockerfile.FinalStage!;
        runtime.All("USER").Single().Arguments.ShouldBe("1654:1654");
        runtime.All("EXPOSE").Single().Arguments.ShouldBe("8080");
        var env = string.Join(' ', runtime.All("ENV").Select(e => e.Arguments));
        env.ShouldContain("PORT=8080");
        env.ShouldContain("CUTOVER_BIND_ADDRESS=0.0.0.0");
        env.ShouldContain("TMPDIR=/tmp");
        env.ShouldContain("HOME=/tmp");
        DockerfileChecks.HealthcheckCommand(dockerfile)
            .ShouldBe(["/usr/share/dotnet/dotnet", "/app/Cutover.SampleService.dll", "--probe", "http://127.0.0.1:8080/health/live"]);
    }

    [Fact]
    public void Dockerignore_BuildContext_LetsInExactlyWhatTheDockerfileCopies()
    {
        var rules = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var sources = RepositoryFiles.Dockerfile.Stages[0].All("COPY")
            .SelectMany(copy => copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToList();

        rules[0].ShouldBe("*", "everything is excluded first, so nothing unexpected (.git, .cutover, secrets) reaches the build");
        rules.ShouldContain("**/bin/");
        rules.ShouldContain("**/obj/");
        foreach (var source in sources)
        {
            rules.Any(rule => rule == "!" + source || (rule.EndsWith('/') && source.StartsWith(rule[1..], StringComparison.Ordinal)))
                .ShouldBeTrue($"{source} is copied but not let in by .dockerignore");
            File.Exists(Path.Combine(RepositoryPaths.Root, source)).ShouldBe(!source.EndsWith('/'), source);
        }
    }

    [Fact]
    public void Check_GoodExample_HasNoFindings()
    {
        DockerfileChecks.Check(Read(Good)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble\nUSER app\nEXPOSE 80\nHEALTHCHECK CMD [\"x\"]\n")]
    [InlineData("FROM a:1.2.3 AS build\nFROM b:1.2.3\nCOPY app ./\nUSER app\nEXPOSE 80\nHEALTHCHECK CMD [\"x\"]\n")]
    public void Check_SingleStageOrNothingCopiedFromABuildStage_ReportsMultiStage(string text)
    {
        Rules(text).ShouldBe([DockerfileRules.MultiStage]);
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:latest")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet")]
    [InlineData("localhost:5000/aspnet")]
    public void Check_RuntimeImageWithoutExactVersion_ReportsBaseImageUnpinned(string image)
    {
        Rules(Good.Replace("mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled", image, StringComparison.Ordinal))
            .ShouldBe([DockerfileRules.BaseImageUnpinned]);
    }

    [Fact]
    public void Check_DigestPinnedImage_IsPinned()
    {
        Rules(Good.Replace("10.0.12-noble-chiseled", "10.0-noble-chiseled@sha256:" + new string('a', 64), StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Check_ArgWithoutDefault_ReportsBaseImageUnpinned()
    {
        var finding = DockerfileChecks.Check(Read(Good.Replace("ARG RUNTIME=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled", "ARG RUNTIME", StringComparison.Ordinal)))
            .ShouldHaveSingleItem();

        finding.Rule.ShouldBe(DockerfileRules.BaseImageUnpinned);
        finding.Line.ShouldBe(5);
    }

    [Theory]
    [InlineData("USER root")]
    [InlineData("USER 0:0")]
    [InlineData("USER 0")]
    [InlineData("")]
    public void Check_RootOrNoUser_ReportsRootUser(string user)
    {
        Rules(Good.Replace("USER 1654:1654", user, StringComparison.Ordinal)).ShouldBe([DockerfileRules.RootUser]);
    }

    [Fact]
    public void Check_UserInTheBuildStageOnly_ReportsRootUser()
    {
        Rules(Good.Replace("USER 1654:1654", string.Empty, StringComparison.Ordinal)
                .Replace("RUN dotnet publish -o /app", "USER 1654\nRUN dotnet publish -o /app", StringComparison.Ordinal))
            .ShouldBe([DockerfileRules.RootUser]);
    }

    [Theory]
    [InlineData("HEALTHCHECK NONE")]
    [InlineData("")]
    public void Check_NoHealthcheck_ReportsNoHealthcheck(string healthcheck)
    {
        var text = Good.Replace("HEALTHCHECK --interval=10s \\\n  CMD [\"/usr/share/dotnet/dotnet\", \"/app/x.dll\", \"--probe\", \"http://127.0.0.1:8080/health/live\"]", healthcheck, StringComparison.Ordinal);
        text.ShouldNotBe(Good);

        Rules(text).ShouldBe([DockerfileRules.NoHealthcheck]);
    }

    [Fact]
    public void Check_NoExpose_ReportsNoExpose()
    {
        Rules(Good.Replace("EXPOSE 8080", string.Empty, StringComparison.Ordinal)).ShouldBe([DockerfileRules.NoExpose]);
    }

    [Fact]
    public void HealthcheckCommand_ShellForm_ReturnsNull()
    {
        DockerfileChecks.HealthcheckCommand(Read("FROM a:1.2.3\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")).ShouldBeNull();
    }

    private static Dockerfile Read(string text) => DockerfileReader.Read("Dockerfile", text);

    private static string[] Rules(string text) => DockerfileChecks.Check(Read(text)).Select(f => f.Rule).ToArray();
}
