using System.Net;
using Cutover.SampleService.Health;
using Cutover.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cutover.SampleService.Tests.Health;

/// <summary>The probe against a real Kestrel listener on 127.0.0.1 that answers each way a health check can.</summary>
public sealed class HealthProbeTests : IAsyncLifetime
{
    private readonly int _port = FreePorts.Next();
    private WebApplication? _listener;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        _listener = builder.Build();
        _listener.MapGet("/ok", () => TypedResults.Ok("live"));
        _listener.MapGet("/down", () => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable));
        _listener.MapGet("/moved", () => TypedResults.Redirect("/ok"));
        _listener.MapGet("/slow", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System, cancellationToken);
            return TypedResults.Ok("late");
        });
        await _listener.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunIfRequestedAsync_NoProbeArgument_ReturnsNullSoTheServiceStarts()
    {
        (await HealthProbe.RunIfRequestedAsync([], TextWriter.Null, CancellationToken.None)).ShouldBeNull();
        (await HealthProbe.RunIfRequestedAsync(["--urls", "x"], TextWriter.Null, CancellationToken.None)).ShouldBeNull();
    }

    [Theory]
    [InlineData]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/health/live")]
    [InlineData("http://127.0.0.1/a", "extra")]
    public async Task RunIfRequestedAsync_BadUrl_ReturnsInvalidConfigurationWithUsage(params string[] rest)
    {
        var error = new StringWriter();

        var exitCode = await HealthProbe.RunIfRequestedAsync([HealthProbe.Argument, .. rest], error, CancellationToken.None);

        exitCode.ShouldBe(ExitCodes.InvalidConfiguration);
        error.ToString().ShouldStartWith("usage: Cutover.SampleService --probe http://127.0.0.1:<port>/health/live");
    }

    [Fact]
    public async Task RunIfRequestedAsync_ListenerAnswers200_ReturnsSuccessAndSaysNothing()
    {
        var error = new StringWriter();

        var exitCode = await HealthProbe.RunIfRequestedAsync([HealthProbe.Argument, Url("/ok")], error, CancellationToken.None);

        exitCode.ShouldBe(ExitCodes.Success);
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task ProbeAsync_ListenerAnswers503_ReturnsProbeFailedWithTheStatus()
    {
        var error = new StringWriter();

        (await HealthProbe.ProbeAsync(new Uri(Url("/down")), HealthProbe.Timeout, error, CancellationToken.None)).ShouldBe(ExitCodes.ProbeFailed);

        error.ToString().ShouldContain("answered 503");
    }

    [Fact]
    public async Task ProbeAsync_Redirect_ReturnsProbeFailedInsteadOfFollowing()
    {
        var error = new StringWriter();

        (await HealthProbe.ProbeAsync(new Uri(Url("/moved")), HealthProbe.Timeout, error, CancellationToken.None)).ShouldBe(ExitCodes.ProbeFailed);

        error.ToString().ShouldContain("answered 302");
    }

    [Fact]
    public async Task ProbeAsync_SlowerThanTheTimeout_ReturnsProbeFailedWithinTheTimeout()
    {
        var error = new StringWriter();
        var started = TimeProvider.System.GetTimestamp();

        var exitCode = await HealthProbe.ProbeAsync(new Uri(Url("/slow")), TimeSpan.FromMilliseconds(300), error, CancellationToken.None);

        exitCode.ShouldBe(ExitCodes.ProbeFailed);
        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.ToString().ShouldContain("did not answer within 0.3 s");
    }

    [Fact]
    public async Task ProbeAsync_NothingListening_ReturnsProbeFailed()
    {
        var error = new StringWriter();

        var exitCode = await HealthProbe.ProbeAsync(
            new Uri($"http://127.0.0.1:{FreePorts.Next()}/health/live"), HealthProbe.Timeout, error, CancellationToken.None);

        exitCode.ShouldBe(ExitCodes.ProbeFailed);
        error.ToString().ShouldContain("failed:");
    }

    private string Url(string path) => $"http://127.0.0.1:{_port}{path}";
}
