using System.Globalization;
using System.Text.Json;

namespace Cutover.Local.Prometheus;

/// <summary>
/// The Prometheus HTTP API: instant and range queries, and scrape targets. Expected failures (a bad query,
/// Prometheus down, a timeout) come back as <see cref="PrometheusError"/> values; only cancellation throws.
/// </summary>
public sealed class PrometheusClient
{
    private readonly HttpClient _httpClient;

    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.Timeout"/> bounds every call. Not disposed here.</param>
    /// <param name="baseUri">Where Prometheus listens, for example <c>http://127.0.0.1:9090/</c>.</param>
    public PrometheusClient(HttpClient httpClient, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseUri);
        _httpClient = httpClient;

        // Relative paths below resolve under the base only when it ends with a slash.
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    public Uri BaseUri { get; }

    /// <summary>Whether <c>/-/ready</c> answers 200. False, never an exception, when Prometheus is down or starting.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _httpClient.GetAsync(new Uri(BaseUri, "-/ready"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Evaluates <paramref name="promql"/> at one instant (<c>/api/v1/query</c>).</summary>
    /// <param name="promql">The expression.</param>
    /// <param name="at">The evaluation time; <see langword="null"/> for Prometheus's now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PrometheusResult<PrometheusQueryResult>> QueryAsync(string promql, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promql);
        var form = new List<KeyValuePair<string, string>> { new("query", promql) };
        if (at is { } time)
        {
            form.Add(new("time", PrometheusResponseParser.FormatTimestamp(time)));
        }

        return PostAsync("api/v1/query", form, PrometheusResponseParser.ParseQuery, cancellationToken);
    }

    /// <summary>Evaluates <paramref name="promql"/> over a range (<c>/api/v1/query_range</c>); the result is a matrix.</summary>
    public Task<PrometheusResult<PrometheusQueryResult>> QueryRangeAsync(
        string promql,
        DateTimeOffset start,
        DateTimeOffset end,
        TimeSpan step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promql);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, TimeSpan.FromMilliseconds(1));
        var form = new List<KeyValuePair<string, string>>
        {
            new("query", promql),
            new("start", PrometheusResponseParser.FormatTimestamp(start)),
            new("end", PrometheusResponseParser.FormatTimestamp(end)),
            new("step", step.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
        };
        return PostAsync("api/v1/query_range", form, PrometheusResponseParser.ParseQuery, cancellationToken);
    }

    /// <summary>The active scrape targets and their health (<c>/api/v1/targets?state=active</c>).</summary>
    public async Task<PrometheusResult<IReadOnlyList<PrometheusTarget>>> GetTargetsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, "api/v1/targets?state=active"));
        return await SendAsync(request, PrometheusResponseParser.ParseTargets, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PrometheusResult<T>> PostAsync<T>(
        string path,
        IEnumerable<KeyValuePair<string, string>> form,
        Func<JsonElement, IReadOnlyList<string>, T> parseData,
        CancellationToken cancellationToken)
        where T : class
    {
        // POST keeps long expressions out of the URL; the API accepts form bodies on both query endpoints.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, path)) { Content = new FormUrlEncodedContent(form) };
        return await SendAsync(request, parseData, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PrometheusResult<T>> SendAsync<T>(
        HttpRequestMessage request,
        Func<JsonElement, IReadOnlyList<string>, T> parseData,
        CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var statusCode = (int)response.StatusCode;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                try
                {
                    using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return PrometheusResponseParser.Parse(document.RootElement, statusCode, parseData);
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
                {
                    return Failure<T>(PrometheusErrorKind.InvalidResponse, $"HTTP {statusCode} from {request.RequestUri}: not a Prometheus API answer ({e.Message})", statusCode);
                }
            }
        }
        catch (HttpRequestException e)
        {
            return Failure<T>(PrometheusErrorKind.Unreachable, $"Prometheus at {BaseUri} is unreachable: {e.Message}", null);
        }
        catch (IOException e)
        {
            return Failure<T>(PrometheusErrorKind.Unreachable, $"Prometheus at {BaseUri} dropped the connection: {e.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure<T>(PrometheusErrorKind.Timeout, $"Prometheus at {BaseUri} did not answer within {_httpClient.Timeout.TotalSeconds:0.#} s.", null);
        }
    }

    private static PrometheusResult<T> Failure<T>(PrometheusErrorKind kind, string message, int? statusCode)
        where T : class =>
        new(new PrometheusError(kind, message, StatusCode: statusCode));
}
