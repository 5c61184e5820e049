using System.Text.Json;

namespace Cutover.SampleService.FeatureFlags;

/// <summary>
/// Polls a URL for feature flags and maps them to <c>FeatureManagement:&lt;name&gt;</c>, reloading configuration when
/// they change. On AWS the URL is the AppConfig agent sidecar's, which answers a feature-flag profile as
/// <c>{"new-greeting": {"enabled": true}}</c>; the AWS SDK's AppConfig configuration provider is not on the package
/// mirror here, and the agent makes it unnecessary. A failed poll keeps the last values: flags never flap because the
/// agent restarted, and nothing here throws into the host.
/// </summary>
internal sealed class FeatureFlagsUrlConfigurationProvider : ConfigurationProvider, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly FeatureFlagsUrlConfigurationSource _source;
    private readonly HttpClient _http;
    private ITimer? _timer;
    private int _polling;
    private int _failedPolls;
    private int _completedPolls;

    public FeatureFlagsUrlConfigurationProvider(FeatureFlagsUrlConfigurationSource source)
    {
        _source = source;
        _http = source.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        _http.Timeout = RequestTimeout;
    }

    /// <summary>Fetches that failed (unreachable, non-2xx, not the expected JSON) since start, the first load included.</summary>
    public int FailedPolls => Volatile.Read(ref _failedPolls);

    /// <summary>Timer polls finished, whatever their result; a poll due while one runs is skipped and not counted.</summary>
    public int CompletedPolls => Volatile.Read(ref _completedPolls);

    public override void Load()
    {
        // Configuration loads synchronously; the first answer is worth waiting for so the first requests see the flags.
        if (Fetch(CancellationToken.None).GetAwaiter().GetResult() is { } flags)
        {
            Data = flags;
        }

        _timer ??= _source.Time.CreateTimer(_ => _ = PollAsync(), null, _source.Interval, _source.Interval);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _http.Dispose();
    }

    private async Task PollAsync()
    {
        // A slow endpoint must not pile up polls.
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            if (await Fetch(CancellationToken.None).ConfigureAwait(false) is { } flags && !SameAs(flags))
            {
                Data = flags;
                OnReload();
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
            Interlocked.Increment(ref _completedPolls);
        }
    }

    private async Task<Dictionary<string, string?>?> Fetch(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(_source.Url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failedPolls);
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var flags = Parse(body);
            if (flags is null)
            {
                Interlocked.Increment(ref _failedPolls);
            }

            return flags;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref _failedPolls);
            return null;
        }
    }

    /// <summary>
    /// <c>{"Name": {"enabled": true, ...}}</c> (AppConfig's format; other attributes ignored) or <c>{"Name": true}</c>.
    /// Null when the body is not such an object.
    /// </summary>
    internal static Dictionary<string, string?>? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var flag in document.RootElement.EnumerateObject())
            {
                bool? enabled = flag.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Object when flag.Value.TryGetProperty("enabled", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
                    _ => null,
                };
                if (enabled is { } on)
                {
                    flags[$"FeatureManagement:{flag.Name}"] = on ? "true" : "false";
                }
            }

            return flags;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool SameAs(Dictionary<string, string?> flags) =>
        flags.Count == Data.Count && flags.All(f => Data.TryGetValue(f.Key, out var value) && value == f.Value);
}
