using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cutover.Core.Logs;
using Cutover.Server.Logs;
using Cutover.Server.Tests.Support;

namespace Cutover.Server.Tests.Logs;

/// <summary>Logs of the real sample-service instances reach the store and come back through the API.</summary>
public sealed class LogsEndToEndTests
{
    private const string LogsSection = """
        logs:
          retention: { maxAge: 7d, maxSizeMb: 64 }
          metricFilters:
            - name: greetings
              pattern: '{ $.Path = "/" && $.StatusCode = 200 }'
              metricName: Greetings
        """;

    [Fact]
    public async Task Request_ItsLogLine_IsQueryableThroughTheApiWithItsTraceId()
    {
        await using var platform = await PlatformFixture.StartAsync(LogsSection, smokeHook: false);
        var traceId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        using var following = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var followed = FollowUntilAsync(platform, "version=v1&text=responded", e => e.TraceId == traceId, following.Token);
        using var client = new HttpClient { BaseAddress = platform.Production };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var line = await EventuallyAsync(async () =>
        {
            var found = await QueryAsync(platform, $"fields @timestamp, version, instance, traceId, @message, StatusCode | filter traceId = \"{traceId}\"");
            return found.Rows.Count > 0 ? found : null;
        });
        var perInstance = await QueryAsync(platform, "filter @message like \"Starting version\" | stats count() by version, instance");
        var listed = await platform.Api.GetFromJsonAsync<List<LogEntry>>($"api/v1/logs?version=v1&text={Uri.EscapeDataString("responded 200")}&since=5m", PlatformFixture.Json);
        var metrics = await platform.Api.GetStringAsync("api/v1/logs/metrics");
        var streamed = await followed;

        line.Columns.ShouldBe(["@timestamp", "version", "instance", "traceId", "@message", "StatusCode"]);
        var row = line.Rows.ShouldHaveSingleItem().Select(v => v?.ToString()).ToList();
        row[1].ShouldBe("v1");
        row[2].ShouldNotBeNull().ShouldStartWith("v1-");
        row[3].ShouldBe(traceId);
        row[4].ShouldNotBeNull().ShouldStartWith("GET / responded 200 in ");
        row[5].ShouldBe("200");
        perInstance.Rows.Count.ShouldBe(2, "both instances' logs are collected");
        listed.ShouldNotBeNull().ShouldContain(e => e.TraceId == traceId && e.Version == "v1");
        streamed.Message.ShouldStartWith("GET / responded 200");
        streamed.Instance.ShouldBe(row[2]);
        metrics.ShouldContain("cutover_log_metric_total{service=\"sample\",metric=\"Greetings\",version=\"v1\"}");
        metrics.ShouldContain("cutover_log_metric_total{service=\"sample\",metric=\"Greetings\",version=\"v2\"} 0\n", Case.Sensitive, "declared versions start at 0");
    }

    [Fact]
    public async Task Query_Malformed_IsAProblemWithThePositionAndWhatWasExpected()
    {
        await using var platform = await PlatformFixture.StartAsync(smokeHook: false);

        using var response = await platform.Api.PostAsJsonAsync("api/v1/logs/query", new LogQueryRequest("filter level = \"Error\" | stats count() by"), PlatformFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("invalid query");
        problem.GetProperty("position").GetInt32().ShouldBe(42);
        problem.GetProperty("detail").GetString().ShouldBe("position 42: expected a field name, got the end of the query; expected a field to group by, such as level, or bin(1m)");
    }

    /// <summary>Reads the server-sent events of <c>GET /api/v1/logs?follow=true</c> until a line matches.</summary>
    private static async Task<LogEntry> FollowUntilAsync(PlatformFixture platform, string filters, Func<LogEntry, bool> match, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/logs?{filters}&follow=true");
        using var response = await platform.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var events = System.Net.ServerSentEvents.SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<LogEntry>(data, PlatformFixture.Json)!);
        await foreach (var item in events.EnumerateAsync(cancellationToken))
        {
            item.EventType.ShouldBe("log");
            item.EventId.ShouldBe(item.Data.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (match(item.Data))
            {
                return item.Data;
            }
        }

        throw new InvalidOperationException("the stream ended");
    }

    private static async Task<LogQueryResponse> QueryAsync(PlatformFixture platform, string query)
    {
        using var response = await platform.Api.PostAsJsonAsync("api/v1/logs/query", new LogQueryRequest(query, "15m"), PlatformFixture.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LogQueryResponse>(PlatformFixture.Json))!;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var clock = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(clock) > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException("the log line did not arrive within 15 s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }
}
