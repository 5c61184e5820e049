using System.Net.Sockets;
using System.Text;
using Cutover.Local.Haproxy;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Signals;

/// <summary>
/// Follows HAProxy's request ring over the runtime API (<c>show events requests -w</c>) and hands every request line to
/// a callback. HAProxy replays what the ring holds on every connection, so lines HAProxy wrote before the follower
/// started, or that it already passed on, are skipped by the date HAProxy wrote them (<see cref="HaproxyRequestLog.EndedAt"/>):
/// a restarted control plane does not count old requests again. Reconnects after HAProxy restarts or closes the
/// connection (the runtime API closes it after 10 s without a line). Never throws: telemetry must not stop the platform.
/// </summary>
/// <remarks>
/// <para>
/// A ring and the existing admin socket instead of syslog over UDP: no port to allocate and keep across an adopted
/// HAProxy, and HAProxy buffers 1 MB while the reader is busy (a unix datagram socket queues 10 lines by default).
/// </para>
/// <para>
/// The start is a date, not a position. HAProxy's <c>-n</c> (start at the end of the ring) works in 2.6, but HAProxy
/// takes the end when it runs the command, some time after <see cref="Start(string, GoldenSignalRecorder, ILogger, TimeProvider)"/>
/// returns, and nothing tells when: a request answered in between would be lost, and after an idle close <c>-n</c>
/// would lose what came during the reconnect too. The limit of a date: HAProxy dates a line from its event loop's
/// clock, read when the loop woke, so a request HAProxy finished in the loop pass that was running when the follower
/// started may be dated before the start and not counted; one sent after the start needs another pass for the
/// instance's answer and is counted.
/// </para>
/// </remarks>
public sealed partial class HaproxyRequestFollower : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(500);
    private readonly string _socketPath;
    private readonly Action<HaproxyRequestLog> _onRequest;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private DateTimeOffset _watermark;
    private int _passedAtWatermark;
    private long _followed;

    private HaproxyRequestFollower(string socketPath, Action<HaproxyRequestLog> onRequest, ILogger logger, TimeProvider time)
    {
        _socketPath = socketPath;
        _onRequest = onRequest;
        _logger = logger;
        _time = time;
        _watermark = time.GetUtcNow();
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Lines passed on since the start.</summary>
    public long Followed => Interlocked.Read(ref _followed);

    /// <summary>Starts following the ring of the HAProxy whose runtime API listens on <paramref name="socketPath"/>, counting into <paramref name="recorder"/>.</summary>
    public static HaproxyRequestFollower Start(string socketPath, GoldenSignalRecorder recorder, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        return Start(socketPath, request => recorder.Record(request), logger, time);
    }

    /// <summary>Starts following the ring of the HAProxy whose runtime API listens on <paramref name="socketPath"/>.</summary>
    internal static HaproxyRequestFollower Start(string socketPath, Action<HaproxyRequestLog> onRequest, ILogger logger, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        ArgumentNullException.ThrowIfNull(onRequest);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        return new HaproxyRequestFollower(socketPath, onRequest, logger, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FollowOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A dead HAProxy, a reset socket or a bad line must not end the loop: it reconnects.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFollowFailed(_logger, _socketPath, exception.Message);
            }

            await Task.Delay(ReconnectDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FollowOnceAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"show events {HaproxyLayout.RequestRing} -w\n"), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Lines of one loop pass share its date: of those dated at the watermark, the ones already passed on come first.
        var skipBefore = _watermark;
        var skipAtWatermark = _passedAtWatermark;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!HaproxyRequestLog.TryParse(line, out var request) || request!.EndedAt < skipBefore)
            {
                continue;
            }

            if (request.EndedAt == skipBefore && skipAtWatermark > 0)
            {
                skipAtWatermark--;
                continue;
            }

            if (request.EndedAt > _watermark)
            {
                _watermark = request.EndedAt;
                _passedAtWatermark = 1;
            }
            else if (request.EndedAt == _watermark)
            {
                _passedAtWatermark++;
            }

            _onRequest(request);
            Interlocked.Increment(ref _followed);
        }
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Debug, Message = "Following HAProxy's request ring on {Socket} failed, reconnecting: {Reason}")]
    private static partial void LogFollowFailed(ILogger logger, string socket, string reason);
}
