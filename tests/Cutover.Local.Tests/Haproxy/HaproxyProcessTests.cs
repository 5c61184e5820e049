using System.Net;
using System.Net.Sockets;
using Cutover.Local.Haproxy;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Haproxy;

public sealed class HaproxyProcessTests : IDisposable
{
    private readonly List<string> _runtimeDirectories = [];

    public void Dispose()
    {
        foreach (var directory in _runtimeDirectories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_ProductionPortInUse_FailsNamingThePort()
    {
        var options = NewOptions();
        using var occupant = new TcpListener(IPAddress.Loopback, options.Ports.ProductionPort);
        occupant.Start();
        await using var process = NewProcess(options);

        var result = await process.StartAsync(CancellationToken.None);

        result.Started.ShouldBeFalse();
        result.Error.ShouldBe(HaproxyStartError.PortUnavailable);
        result.Message.ShouldContain($"Port {options.Ports.ProductionPort} on 127.0.0.1");
        result.Message.ShouldContain("production");
        process.HasExited.ShouldBeFalse();
        process.ProcessId.ShouldBeNull();
    }

    [Fact]
    public async Task StartAsync_PortTakenByHaproxyItself_FailsNamingThePort()
    {
        await using var first = await HaproxyHarness.StartAsync();
        var options = NewOptions() with { Ports = NewOptions().Ports with { TestPort = first.Options.Ports.ProductionPort } };
        await using var second = NewProcess(options);

        var result = await second.StartAsync(CancellationToken.None);

        result.Error.ShouldBe(HaproxyStartError.PortUnavailable);
        result.Message.ShouldContain($"Port {first.Options.Ports.ProductionPort}");
    }

    [Fact]
    public async Task StartAsync_FreePorts_RuntimeApiAnswersAndStopEndsTheProcess()
    {
        var options = NewOptions();
        var process = NewProcess(options);

        var result = await process.StartAsync(CancellationToken.None);
        var client = new HaproxyRuntimeClient(options.SocketPath, TimeSpan.FromSeconds(5), TimeProvider.System);
        var info = await client.ShowInfoAsync(CancellationToken.None);
        await client.ExecuteAsync("set server production/s0 state ready", CancellationToken.None);
        var logged = await EventuallyAsync(() => process.RecentOutput.Any(line => line.Contains("production/s0", StringComparison.Ordinal)));
        await process.StopAsync(CancellationToken.None);

        result.Started.ShouldBeTrue(result.Message);
        result.Adopted.ShouldBeFalse();
        info["Pid"].ShouldBe(result.ProcessId.ToString());
        logged.ShouldBeTrue("HAProxy's stderr is captured");
        process.HasExited.ShouldBeTrue();
        await process.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_SameConfigAlreadyRunning_AdoptsItWithoutInterruptingTraffic()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await haproxy.AddHealthyAsync(blue);
        await haproxy.Router.SetWeightsAsync(new Dictionary<string, int> { ["blue"] = 100 }, CancellationToken.None);
        await using var restarted = NewProcess(haproxy.Options);

        var result = await restarted.StartAsync(CancellationToken.None);
        var answers = await HaproxyHarness.CountAnswersAsync(haproxy.Production, 10);
        await restarted.StopAsync(CancellationToken.None);

        result.Started.ShouldBeTrue(result.Message);
        result.Adopted.ShouldBeTrue();
        result.ProcessId.ShouldBe(haproxy.Process.ProcessId);
        answers.ShouldBe(new Dictionary<string, int> { ["blue"] = 10 });
        haproxy.Process.HasExited.ShouldBeTrue();
    }

    [Fact]
    public async Task StartAsync_DifferentConfigAlreadyRunning_FailsAsAlreadyRunning()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        await using var other = NewProcess(haproxy.Options with { SlotCount = haproxy.Options.SlotCount + 1 });

        var result = await other.StartAsync(CancellationToken.None);

        result.Error.ShouldBe(HaproxyStartError.AlreadyRunning);
        result.Message.ShouldContain($"pid {haproxy.Process.ProcessId}");
        haproxy.Process.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ReportsEveryProblem()
    {
        var options = NewOptions() with
        {
            SlotCount = 0,
            HealthCheck = HaproxyHarness.FastHealthCheck with { Path = "health" },
        };
        await using var process = NewProcess(options);

        var result = await process.StartAsync(CancellationToken.None);

        result.Error.ShouldBe(HaproxyStartError.InvalidOptions);
        result.Message.ShouldContain("SlotCount");
        result.Message.ShouldContain("HealthCheck.Path");
    }

    [Fact]
    public async Task StartAsync_MissingBinary_FailsAsBinaryNotFound()
    {
        await using var process = NewProcess(NewOptions() with { HaproxyPath = "/nonexistent/haproxy" });

        var result = await process.StartAsync(CancellationToken.None);

        result.Error.ShouldBe(HaproxyStartError.BinaryNotFound);
        result.Message.ShouldContain("/nonexistent/haproxy");
    }

    [Fact]
    public void ExitedDuringStartup_HaproxyCannotBind_NamesThePort()
    {
        string[] output =
        [
            "[NOTICE]   (22745) : haproxy version is 2.6.12-1+deb12u4",
            "[ALERT]    (22745) : Binding [haproxy.cfg:16] for frontend production: cannot bind socket (Address already in use) for [127.0.0.1:28080]",
            "[ALERT]    (22745) : [haproxy.main()] Some protocols failed to start their listeners! Exiting.",
        ];

        var result = HaproxyProcess.ExitedDuringStartup(1, output);

        result.Error.ShouldBe(HaproxyStartError.PortUnavailable);
        result.Message.ShouldStartWith("Port 28080 on 127.0.0.1 is unavailable");
        result.Message.ShouldContain("cannot bind socket (Address already in use)");
        result.Output.ShouldBe(output);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 40 && !condition(); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        return condition();
    }

    private HaproxyOptions NewOptions()
    {
        var options = HaproxyHarness.NewOptions();
        _runtimeDirectories.Add(options.RuntimeDirectory);
        return options;
    }

    private static HaproxyProcess NewProcess(HaproxyOptions options) =>
        new(options, NullLogger<HaproxyProcess>.Instance, TimeProvider.System);
}
