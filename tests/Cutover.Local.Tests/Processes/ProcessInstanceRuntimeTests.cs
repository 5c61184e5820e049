using System.Diagnostics;
using System.Net;
using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Local.Processes;
using Cutover.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutover.Local.Tests.Processes;

public sealed class ProcessInstanceRuntimeTests
{
    [Fact]
    public async Task IsInstanceProcess_PidWithMatchingInstanceId_IsTrueUntilItExits()
    {
        using var process = StartSleeper("v2-18100-abcd");
        var instance = new InstanceEndpoint("v2-18100-abcd", "v2", "127.0.0.1", 18100, process.Id);

        var whileRunning = ProcessInstanceRuntime.IsInstanceProcess(instance);
        var otherId = ProcessInstanceRuntime.IsInstanceProcess(instance with { Id = "v2-18100-ffff" });
        process.Kill();
        await process.WaitForExitAsync();

        whileRunning.ShouldBeTrue();
        otherId.ShouldBeFalse();
        ProcessInstanceRuntime.IsInstanceProcess(instance).ShouldBeFalse();
    }

    [Fact]
    public async Task Answering_StartedInstance_IsListedOnlyOnceItPassedAHealthCheck()
    {
        // The instance is a sleeper that never listens; the test answers on its port, as the booted service would.
        var directory = Directory.CreateTempSubdirectory("cutover-runtime-");
        var port = FreePorts.Next();
        var manifest = ManifestParser.Parse(
            $$"""
            service:
              name: sleeper
              instances: 1
              run: { command: sleep, args: ["30"] }
              initialVersion: v1
              healthCheck: { path: /health/ready, timeout: 2s }
            versions: { v1: {} }
            environments:
              local: { target: local, ports: { instancesFrom: {{port}}, instancesTo: {{port + 1}} } }
            """,
            Path.Combine(directory.FullName, "cutover.yaml"));
        manifest.Errors.ShouldBeEmpty();
        using var http = new HttpClient();
        await using var runtime = new ProcessInstanceRuntime(
            new ProcessInstanceRuntimeOptions
            {
                Manifest = manifest.Manifest!,
                ManifestDirectory = directory.FullName,
                Ports = manifest.Manifest!.Environments["local"].Local!,
                LogDirectory = directory.CreateSubdirectory("logs").FullName,
            },
            http,
            NullLogger<ProcessInstanceRuntime>.Instance,
            TimeProvider.System);

        var instance = await runtime.StartAsync("v1", CancellationToken.None);
        var booting = await runtime.ProbeAsync(instance, CancellationToken.None);
        var answeringWhileBooting = runtime.Answering;
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{instance.Port}/");
        listener.Start();
        var answer = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 200;
            context.Response.Close();
        });
        var booted = await runtime.ProbeAsync(instance, CancellationToken.None);
        await answer;
        var answeringOnceBooted = runtime.Answering;
        await runtime.StopAsync(instance, TimeSpan.FromSeconds(2), CancellationToken.None);

        booting.Healthy.ShouldBeFalse();
        runtime.Running.ShouldBeEmpty();
        answeringWhileBooting.ShouldBeEmpty();
        booted.Healthy.ShouldBeTrue(booted.Detail);
        answeringOnceBooted.Select(i => i.Id).ShouldBe([instance.Id]);
        runtime.Answering.ShouldBeEmpty();
    }

    private static Process StartSleeper(string instanceId)
    {
        var info = new ProcessStartInfo("sleep") { UseShellExecute = false };
        info.ArgumentList.Add("30");
        info.Environment["CUTOVER_INSTANCE_ID"] = instanceId;
        return Process.Start(info)!;
    }
}
