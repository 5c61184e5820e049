using System.Collections.Concurrent;

namespace Cutover.Testing.Load;

/// <summary>
/// Real HTTP load on a loopback URL from several concurrent clients, bounded in time, recording every response's
/// version (header <c>X-Cutover-Version</c>) and every failure. Used to prove "zero failed requests".
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop;
    private readonly ConcurrentQueue<LoadSample> _samples = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly Task[] _workers;

    private LoadGenerator(Uri target, int concurrency, TimeSpan limit)
    {
        _target = target;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(10) };
        _stop = new CancellationTokenSource(limit);
        _workers = [.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Starts <paramref name="concurrency"/> clients; they stop by themselves after <paramref name="limit"/>.</summary>
    public static LoadGenerator Start(Uri target, int concurrency = 4, TimeSpan? limit = null) =>
        new(target, concurrency, limit ?? TimeSpan.FromMinutes(3));

    /// <summary>Milliseconds since the load started, to mark moments such as "rollback finished".</summary>
    public long Now => (long)TimeProvider.System.GetElapsedTime(_started).TotalMilliseconds;

    public int Total => _samples.Count + _failures.Count;

    public async Task<LoadReport> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        return new LoadReport([.. _samples], [.. _failures]);
    }

    /// <summary>Waits until at least <paramref name="count"/> more responses have arrived.</summary>
    public async Task WaitForResponsesAsync(int count, TimeSpan timeout)
    {
        var target = _samples.Count + count;
        var clock = TimeProvider.System.GetTimestamp();
        while (_samples.Count < target && TimeProvider.System.GetElapsedTime(clock) < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _stop.Dispose();
        _http.Dispose();
    }

    private async Task WorkAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = (long)TimeProvider.System.GetElapsedTime(_started).TotalMilliseconds;
            try
            {
                using var response = await _http.GetAsync(_target, _stop.Token);
                var version = response.Headers.TryGetValues("X-Cutover-Version", out var values) ? values.First() : "?";
                if (response.IsSuccessStatusCode)
                {
                    _samples.Enqueue(new LoadSample(started, (long)TimeProvider.System.GetElapsedTime(_started).TotalMilliseconds, version));
                }
                else
                {
                    _failures.Enqueue($"{started}ms: {(int)response.StatusCode} from {version}");
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                _failures.Enqueue($"{started}ms: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
