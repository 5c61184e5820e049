using System.Net;
using Cutover.Pipelines.Containers;
using Cutover.Pipelines.Tests.Support;
using Cutover.Testing;

namespace Cutover.Pipelines.Tests.Containers;

/// <summary>
/// The real Dockerfile's HEALTHCHECK command, run as the container runs it (the image's paths mapped to this machine's
/// dotnet host and the built sample service), against a real HTTP listener on 127.0.0.1: no image is built here.
/// </summary>
public sealed class HealthcheckProbeTests : IDisposable
{
    private readonly int _port = FreePorts.Next();
    private readonly HttpListener _listener = new();
    private HttpStatusCode _status = HttpStatusCode.OK;
    private string? _lastPath;

    public HealthcheckProbeTests()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public async Task Healthcheck_ListenerAnswers200_ExitsZero()
    {
        var run = await RunHealthcheckAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        _lastPath.ShouldBe("/health/live");
    }

    [Fact]
    public async Task Healthcheck_ListenerAnswers503_ExitsOne()
    {
        _status = HttpStatusCode.ServiceUnavailable;

        var run = await RunHealthcheckAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("answered 503");
    }

    [Fact]
    public async Task Healthcheck_NothingListening_ExitsOne()
    {
        _listener.Stop();

        var run = await RunHealthcheckAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
    }

    private Task<ToolRun> RunHealthcheckAsync()
    {
        var command = DockerfileChecks.HealthcheckCommand(RepositoryFiles.Dockerfile);
        command.ShouldNotBeNull();
        command[0].ShouldBe("/usr/share/dotnet/dotnet");
        command[1].ShouldBe("/app/Cutover.SampleService.dll");
        File.Exists(RepositoryPaths.SampleServiceDll).ShouldBeTrue($"{RepositoryPaths.SampleServiceDll} is built by the project reference");
        var url = command[3].Replace("127.0.0.1:8080", $"127.0.0.1:{_port}", StringComparison.Ordinal);
        return ToolRun.RunAsync(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [RepositoryPaths.SampleServiceDll, command[2], url]);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _lastPath = context.Request.Url?.AbsolutePath;
            context.Response.StatusCode = (int)_status;
            context.Response.Close();
        }
    }
}
