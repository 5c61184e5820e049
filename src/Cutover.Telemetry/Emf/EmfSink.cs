using System.Diagnostics;
using System.Threading.Channels;

namespace Cutover.Telemetry.Emf;

/// <summary>
/// Queues EMF lines and writes them from one background loop, so a slow standard output never holds up a request;
/// when the queue is full, lines are dropped rather than blocking (telemetry never breaks the service). On stop it
/// writes what is queued. Does nothing unless EMF is enabled.
/// </summary>
internal sealed class EmfSink : IHostedService
{
    private const int Capacity = 10_000;

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly EmfWriter? _writer;
    private readonly TextWriter _output;
    private readonly IReadOnlyList<string> _excludedRoutePrefixes;
    private readonly TimeProvider _timeProvider;
    private Task _writing = Task.CompletedTask;

    public EmfSink(CutoverTelemetryOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _output = options.Emf.Output ?? Console.Out;
        _excludedRoutePrefixes = [.. options.Emf.ExcludedRoutePrefixes];
        _writer = options.Emf.Enabled
            ? new EmfWriter(options.Emf.Namespace, options.ServiceName, options.ServiceVersion, options.ServiceInstanceId)
            : null;
    }

    public void RequestCompleted(string method, string route, int statusCode, TimeSpan duration, Activity? span)
    {
        if (_writer is null || _excludedRoutePrefixes.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return;
        }

        var traceId = span?.TraceId.ToHexString();
        _lines.Writer.TryWrite(_writer.Format(new EmfRequest(_timeProvider.GetUtcNow(), method, route, statusCode, duration, traceId)));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            _writing = Task.Run(WriteLinesAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _lines.Writer.TryComplete();
        try
        {
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout is over: lines still queued are lost with the process.
        }
    }

    private async Task WriteLinesAsync()
    {
        await foreach (var line in _lines.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                // One write per line, so lines of the console logger writing to the same stream never interleave.
                await _output.WriteAsync(line + "\n").ConfigureAwait(false);
                if (!_lines.Reader.TryPeek(out _))
                {
                    // Caught up: make the lines visible now rather than when a buffer fills.
                    await _output.FlushAsync().ConfigureAwait(false);
                }
            }
            catch (IOException)
            {
                // Standard output is gone (a closed pipe): nothing to report it to.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
