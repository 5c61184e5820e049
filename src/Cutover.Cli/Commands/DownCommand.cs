using System.CommandLine;
using System.Diagnostics;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover down</c>: stops instances (gracefully), HAProxy, Prometheus and the control plane.</summary>
internal sealed class DownCommand : Command
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    private readonly TimeProvider _time;

    public DownCommand(TimeProvider time)
        : base("down", "Stop the local platform cleanly: instances drain and stop, then HAProxy, Prometheus, the control plane")
    {
        _time = time;
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (!await client.IsUpAsync(cancellationToken).ConfigureAwait(false))
        {
            await Console.Out.WriteLineAsync($"not running at {client.BaseAddress}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var pid = await ReadPidAsync(parseResult, cancellationToken).ConfigureAwait(false);
        var stop = await client.ShutdownAsync(cancellationToken).ConfigureAwait(false);
        if (!stop.Ok)
        {
            return CliContext.Report(stop);
        }

        await Console.Error.WriteLineAsync("stopping: draining instances, then HAProxy and Prometheus ...").ConfigureAwait(false);
        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < StopTimeout)
        {
            var processGone = pid is null || !IsRunning(pid.Value);
            if (processGone && !await client.IsUpAsync(cancellationToken).ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync($"down ({_time.GetElapsedTime(started).TotalSeconds:0.#}s)").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken).ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync($"error: the control plane (pid {pid}) is still running after {StopTimeout.TotalSeconds}s").ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    private static async Task<int?> ReadPidAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(parseResult.GetValue(CommonOptions.File)!))!, ".cutover", "control-plane.pid");
        if (!File.Exists(file))
        {
            return null;
        }

        return int.TryParse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), out var pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
