using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cutover.Local.Secrets;
using Cutover.Server;
using Cutover.Server.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover up</c>: builds the service, then starts the control plane in the background (HAProxy, Prometheus,
/// the current version's instances) and returns once production traffic is served.
/// </summary>
internal sealed class UpCommand : Command
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Option<bool> _foreground = new("--foreground") { Description = "Run the control plane in this process until Ctrl+C" };
    private readonly Option<bool> _noBuild = new("--no-build") { Description = "Skip service.build" };
    private readonly Option<string?> _stateDirectory = new("--state-dir") { Description = "Where state, logs and generated configs go (default .cutover/ beside the manifest)" };

    private readonly TimeProvider _time;

    public UpCommand(TimeProvider time)
        : base("up", "Start the local platform: control plane, HAProxy, Prometheus and the current version")
    {
        _time = time;
        Options.Add(_foreground);
        Options.Add(_noBuild);
        Options.Add(_stateDirectory);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(CommonOptions.File)!;
        var manifest = await ManifestFile.LoadAsync(file, Console.Error, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return ExitCodes.InvalidInput;
        }

        var environment = ManifestFile.LocalEnvironment(manifest, parseResult.GetValue(CommonOptions.Environment_), Console.Error);
        if (environment is null)
        {
            return ExitCodes.InvalidInput;
        }

        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var options = new ControlPlaneOptions
        {
            Manifest = manifest,
            Environment = environment,
            ManifestDirectory = manifestDirectory,
            StateDirectory = Path.GetFullPath(parseResult.GetValue(_stateDirectory) ?? Path.Combine(manifestDirectory, ".cutover")),
        };

        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is not null && await client.IsUpAsync(cancellationToken).ConfigureAwait(false))
        {
            await Console.Out.WriteLineAsync($"already running at {options.ControlPlaneUri}; 'cutover down' stops it").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        // The control plane checks these again as it starts; checking here first saves a build that would be for nothing.
        if (StateDiskCheck.Problem(options) is { } tooFull)
        {
            await Console.Error.WriteLineAsync($"error: {tooFull}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var secrets = SecretResolver.Resolve(manifest, environment, manifestDirectory, Environment.GetEnvironmentVariable);
        if (!secrets.Resolved)
        {
            foreach (var problem in secrets.Problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("nothing was started").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (parseResult.GetValue(_foreground))
        {
            return await RunForegroundAsync(options, cancellationToken).ConfigureAwait(false);
        }

        if (!parseResult.GetValue(_noBuild) && manifest.Service.Build is { } build)
        {
            var built = await BuildAsync(build, manifestDirectory, cancellationToken).ConfigureAwait(false);
            if (built != 0)
            {
                await Console.Error.WriteLineAsync($"error: service.build ({build.Command} {string.Join(' ', build.Args)}) exited with {built}; nothing was started").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }

        return await StartDetachedAsync(options, parseResult, client!, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunForegroundAsync(ControlPlaneOptions options, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = ControlPlaneHost.Build(options);
        }
        catch (PlatformStartException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformStartException ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"error: the control plane could not listen on {options.ControlPlaneUri}: {ex.Message}").ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var pidFile = Path.Combine(options.StateDirectory, "control-plane.pid");
            await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"control plane ready at {options.ControlPlaneUri}; production traffic at {options.ProductionUri}").ConfigureAwait(false);
            await app.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            File.Delete(pidFile);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> BuildAsync(Core.Manifest.CommandSpec build, string manifestDirectory, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync($"building: {build.Command} {string.Join(' ', build.Args)}").ConfigureAwait(false);
        var info = new ProcessStartInfo(build.Command)
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(manifestDirectory, build.WorkingDirectory)),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in build.Args)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(build.Timeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>
    /// Re-runs this executable as <c>up --foreground</c> in its own session (setsid), output to a log file, so the
    /// control plane outlives this terminal; then waits until it answers or dies.
    /// </summary>
    private async Task<int> StartDetachedAsync(ControlPlaneOptions options, ParseResult parseResult, ControlPlaneClient client, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.StateDirectory);
        var log = Path.Combine(options.StateDirectory, "control-plane.log");
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = options.ManifestDirectory };
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" >>\"$CUTOVER_LOG\" 2>&1 </dev/null");
        info.ArgumentList.Add("sh");
        foreach (var part in SelfInvocation())
        {
            info.ArgumentList.Add(part);
        }

        info.ArgumentList.Add("up");
        info.ArgumentList.Add("--foreground");
        info.ArgumentList.Add("--file");
        info.ArgumentList.Add(Path.GetFullPath(parseResult.GetValue(CommonOptions.File)!));
        info.ArgumentList.Add("--env");
        info.ArgumentList.Add(options.Environment.Name);
        info.ArgumentList.Add("--state-dir");
        info.ArgumentList.Add(options.StateDirectory);
        info.Environment["CUTOVER_LOG"] = log;

        var logStart = File.Exists(log) ? new FileInfo(log).Length : 0;
        using var child = Process.Start(info)!;
        await Console.Error.WriteLineAsync($"starting control plane (pid {child.Id}, log {log}) ...").ConfigureAwait(false);
        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < StartTimeout)
        {
            if (child.HasExited)
            {
                await Console.Error.WriteLineAsync($"error: the control plane exited with code {child.ExitCode}:").ConfigureAwait(false);
                await Console.Error.WriteLineAsync(await ReadFromAsync(log, logStart).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (await client.IsUpAsync(cancellationToken).ConfigureAwait(false))
            {
                var status = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"up: {options.Manifest.Service.Name} {status.Value?.CurrentVersion} on {status.Value?.Instances.Count} instance(s)").ConfigureAwait(false);
                foreach (var (name, url) in status.Value?.Endpoints ?? new Dictionary<string, string>())
                {
                    await Console.Out.WriteLineAsync($"  {name,-13} {url}").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, cancellationToken).ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync($"error: the control plane did not answer within {StartTimeout.TotalSeconds}s; see {log}").ConfigureAwait(false);
        return ExitCodes.Failed;
    }

    /// <summary>How to run this same CLI again: the apphost, or <c>dotnet cutover.dll</c>.</summary>
    internal static IEnumerable<string> SelfInvocation()
    {
        var host = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return [host, typeof(UpCommand).Assembly.Location];
        }

        return [host];
    }

    private static async Task<string> ReadFromAsync(string path, long offset)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }
}
