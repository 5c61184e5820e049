using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cutover.Core.Logs;
using Cutover.Core.Releases;
using Cutover.Local.Flags;
using Cutover.Server.Api;
using Cutover.Server.Flags;
using Cutover.Server.Logs;

namespace Cutover.Cli;

/// <summary>Typed calls to the control plane's <c>/api/v1</c>; failures come back as values with the server's explanation.</summary>
internal sealed class ControlPlaneClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public Uri BaseAddress => http.BaseAddress!;

    public Task<ApiResult<StatusResponse>> GetStatusAsync(CancellationToken cancellationToken) =>
        SendAsync<StatusResponse>(HttpMethod.Get, "api/v1/status", null, cancellationToken);

    public Task<ApiResult<ReleaseState>> DeployAsync(string version, string? strategy, bool ignoreAlarms, CancellationToken cancellationToken) =>
        SendAsync<ReleaseState>(HttpMethod.Post, "api/v1/releases", new DeployRequest(version, strategy, ignoreAlarms), cancellationToken);

    public Task<ApiResult<List<AlarmStatusResponse>>> ListAlarmsAsync(CancellationToken cancellationToken) =>
        SendAsync<List<AlarmStatusResponse>>(HttpMethod.Get, "api/v1/alarms", null, cancellationToken);

    public Task<ApiResult<ReleaseState>> RollbackAsync(CancellationToken cancellationToken) =>
        SendAsync<ReleaseState>(HttpMethod.Post, "api/v1/rollback", null, cancellationToken);

    public Task<ApiResult<ReleaseState>> GetReleaseAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<ReleaseState>(HttpMethod.Get, $"api/v1/releases/{Uri.EscapeDataString(id)}", null, cancellationToken);

    public Task<ApiResult<List<ReleaseState>>> ListReleasesAsync(int limit, CancellationToken cancellationToken) =>
        SendAsync<List<ReleaseState>>(HttpMethod.Get, $"api/v1/releases?limit={limit}", null, cancellationToken);

    public Task<ApiResult<CommandResponse>> SendCommandAsync(ReleaseCommand command, CancellationToken cancellationToken) =>
        SendAsync<CommandResponse>(HttpMethod.Post, $"api/v1/releases/current/{command.ToString().ToLowerInvariant()}", null, cancellationToken);

    public Task<ApiResult<List<AuditEntry>>> ListAuditAsync(string? releaseId, int limit, CancellationToken cancellationToken) =>
        SendAsync<List<AuditEntry>>(
            HttpMethod.Get,
            releaseId is null ? $"api/v1/audit?limit={limit}" : $"api/v1/audit?release={Uri.EscapeDataString(releaseId)}&limit={limit}",
            null,
            cancellationToken);

    public Task<ApiResult<List<FeatureFlagStatus>>> ListFlagsAsync(CancellationToken cancellationToken) =>
        SendAsync<List<FeatureFlagStatus>>(HttpMethod.Get, "api/v1/flags", null, cancellationToken);

    public Task<ApiResult<FeatureFlagStatus>> SetFlagAsync(string name, bool enabled, CancellationToken cancellationToken) =>
        SendAsync<FeatureFlagStatus>(HttpMethod.Put, $"api/v1/flags/{Uri.EscapeDataString(name)}", new SetFeatureFlagRequest(enabled), cancellationToken);

    public Task<ApiResult<JsonElement>> ShutdownAsync(CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, "api/v1/shutdown", null, cancellationToken);

    public Task<ApiResult<List<LogEntry>>> GetLogsAsync(string filters, CancellationToken cancellationToken) =>
        SendAsync<List<LogEntry>>(HttpMethod.Get, $"api/v1/logs?{filters}", null, cancellationToken);

    public Task<ApiResult<LogQueryResponse>> QueryLogsAsync(LogQueryRequest query, CancellationToken cancellationToken) =>
        SendAsync<LogQueryResponse>(HttpMethod.Post, "api/v1/logs/query", query, cancellationToken);

    /// <summary>
    /// Streams lines from <c>GET /api/v1/logs?follow=true</c> (server-sent events) to <paramref name="onEntry"/> until
    /// cancelled; the value is how many lines came. Its own client: a stream outlives any request timeout.
    /// </summary>
    public async Task<ApiResult<long>> FollowLogsAsync(string filters, Func<LogEntry, Task> onEntry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEntry);
        using var streaming = new HttpClient { BaseAddress = http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/logs?{filters}&follow=true");
        request.Headers.Authorization = http.DefaultRequestHeaders.Authorization;
        request.Headers.Accept.ParseAdd("text/event-stream");
        long count = 0;
        try
        {
            using var response = await streaming.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new ApiResult<long>(0, (int)response.StatusCode, await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false));
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var parser = System.Net.ServerSentEvents.SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<LogEntry>(data, Json));
                await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (item.Data is { } entry)
                    {
                        await onEntry(entry).ConfigureAwait(false);
                        count++;
                    }
                }
            }

            return new ApiResult<long>(count, 0, $"the control plane at {http.BaseAddress} closed the stream");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ApiResult<long>(count, 200, null);
        }
        catch (HttpRequestException ex)
        {
            return new ApiResult<long>(count, 0, $"the control plane at {http.BaseAddress} is not reachable ({ex.Message}); start it with 'cutover up'");
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new ApiResult<long>(count, 0, $"the stream from {http.BaseAddress} broke ({ex.Message})");
        }
    }

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        var health = await SendAsync<JsonElement>(HttpMethod.Get, "api/v1/health", null, cancellationToken).ConfigureAwait(false);
        return health.Ok;
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
                return new ApiResult<T>(value, (int)response.StatusCode, null);
            }

            var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
            return new ApiResult<T>(default, (int)response.StatusCode, problem);
        }
        catch (HttpRequestException ex)
        {
            return new ApiResult<T>(default, 0, $"the control plane at {http.BaseAddress} is not reachable ({ex.Message}); start it with 'cutover up'");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ApiResult<T>(default, 0, $"the control plane at {http.BaseAddress} did not answer in time");
        }
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not problem details: show the raw text below.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}: {text}";
    }
}
