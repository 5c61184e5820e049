using System.Net;
using System.Text;
using System.Text.Json;

namespace Cutover.Server.Tests.Api;

/// <summary>
/// Strict input on a real control plane (issue 10): every bad request is a problem details answer with the right status
/// and a detail that names what was wrong, and changes nothing.
/// </summary>
[Collection(ApiInputTests.Name)]
public sealed class StrictInputEndToEndTests(ApiInputPlatform shared)
{
    private PlatformFixture Platform => shared.Platform;

    [Theory]
    [InlineData("POST", "api/v1/releases", "{}", 400, "'version'")]
    [InlineData("POST", "api/v1/releases", """{"version":"v2","strategyy":"canary"}""", 400, "strategyy")]
    [InlineData("POST", "api/v1/releases", """{"version":null}""", 400, "version")]
    [InlineData("POST", "api/v1/releases", """{"version":2}""", 400, "$.version")]
    [InlineData("POST", "api/v1/releases", """{"version":"v2","ignoreAlarms":"yes"}""", 400, "$.ignoreAlarms")]
    [InlineData("POST", "api/v1/releases", "[1]", 400, "JSON")]
    [InlineData("POST", "api/v1/releases", "{ not json", 400, "JSON")]
    [InlineData("POST", "api/v1/releases", """{"version":"v2","strategy":"Canary"}""", 400, "'Canary'")]
    [InlineData("POST", "api/v1/releases", """{"version":"v9"}""", 404, "'v9'")]
    [InlineData("PUT", "api/v1/flags/new-greeting", "{}", 400, "'enabled'")]
    [InlineData("PUT", "api/v1/flags/new-greeting", """{"enable":true}""", 400, "'enable'")]
    [InlineData("PUT", "api/v1/flags/new-greeting", """{"enabled":"yes"}""", 400, "$.enabled")]
    [InlineData("PUT", "api/v1/flags/new-greeting", """{"enabled":null}""", 400, "$.enabled")]
    [InlineData("PUT", "api/v1/flags/no-such-flag", """{"enabled":true}""", 404, "'no-such-flag'")]
    [InlineData("POST", "api/v1/logs/query", "{}", 400, "'query'")]
    [InlineData("POST", "api/v1/logs/query", """{"query":"fields @message","sincee":"1h"}""", 400, "sincee")]
    [InlineData("POST", "api/v1/notifications/file/journal", "{ not json", 400, "not JSON")]
    [InlineData("POST", "api/v1/notifications/file/journal", "", 400, "not JSON")]
    [InlineData("GET", "api/v1/releases?limit=0", null, 400, "limit=0")]
    [InlineData("GET", "api/v1/releases?limit=-1", null, 400, "limit=-1")]
    [InlineData("GET", "api/v1/releases?limit=abc", null, 400, "limit")]
    [InlineData("GET", "api/v1/releases?limit=99999999999", null, 400, "limit")]
    [InlineData("GET", "api/v1/audit?limit=-1", null, 400, "limit=-1")]
    [InlineData("GET", "api/v1/logs?limit=-1", null, 400, "limit=-1")]
    [InlineData("GET", "api/v1/alarms/history?limit=-1", null, 400, "limit=-1")]
    [InlineData("GET", "api/v1/metrics/golden?version=v1%22%7D%20or%20vector(1)", null, 404, "unknown version")]
    [InlineData("GET", "api/v1/metrics/golden?version=v9", null, 404, "'v9'")]
    public async Task BadRequest_IsProblemDetailsNamingTheField(string method, string path, string? body, int status, string named)
    {
        var (code, problem) = await SendAsync(method, path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

        code.ShouldBe(status, problem.ToString());
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString()!.ShouldContain(named, Case.Sensitive, problem.ToString());
    }

    [Fact]
    public async Task Body_OfAnotherMediaType_Is415SayingToSendJson()
    {
        var (code, problem) = await SendAsync("POST", "api/v1/releases", new StringContent("version=v2", Encoding.UTF8, "text/plain"));

        code.ShouldBe(415, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain("Content-Type: application/json");
    }

    [Fact]
    public async Task Body_Over64KiB_Is413()
    {
        var body = $$"""{"version":"{{new string('v', 100 * 1024)}}"}""";

        var (code, problem) = await SendAsync("POST", "api/v1/releases", new StringContent(body, Encoding.UTF8, "application/json"));

        code.ShouldBe(413, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain("64 KiB");
    }

    [Fact]
    public async Task LongUnknownVersion_IsEchoedTruncated()
    {
        var version = new string('x', 40_000);

        var (code, problem) = await SendAsync("POST", "api/v1/releases", new StringContent($$"""{"version":"{{version}}"}""", Encoding.UTF8, "application/json"));

        code.ShouldBe(404, problem.ToString());
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("(40000 characters)");
        detail.Length.ShouldBeLessThan(1000);
    }

    [Fact]
    public async Task LongUnknownField_IsEchoedTruncated()
    {
        var field = new string('f', 40_000);

        var (code, problem) = await SendAsync("PUT", $"api/v1/flags/{ApiInputPlatform.Flag}", new StringContent($$"""{"enabled":true,"{{field}}":1}""", Encoding.UTF8, "application/json"));

        code.ShouldBe(400, problem.ToString());
        problem.GetProperty("detail").GetString()!.Length.ShouldBeLessThan(1000);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"enabeld":true}""")]
    [InlineData("""{"enabled":true,"by":"me"}""")]
    public async Task RefusedFlagChange_LeavesTheFlagAndTheAuditTrailAlone(string body)
    {
        var flagsBefore = await Platform.Api.GetStringAsync("api/v1/flags");
        var auditBefore = await Platform.Api.GetStringAsync("api/v1/audit?release=flags");

        var (code, _) = await SendAsync("PUT", $"api/v1/flags/{ApiInputPlatform.Flag}", new StringContent(body, Encoding.UTF8, "application/json"));

        code.ShouldBe(400);
        (await Platform.Api.GetStringAsync("api/v1/flags")).ShouldBe(flagsBefore);
        (await Platform.Api.GetStringAsync("api/v1/audit?release=flags")).ShouldBe(auditBefore);
    }

    [Fact]
    public async Task ValidRequests_FromTheCliAndTheDashboard_AreAccepted()
    {
        var (flag, flagAnswer) = await SendAsync("PUT", $"api/v1/flags/{ApiInputPlatform.Flag}", new StringContent("""{"enabled":false}""", Encoding.UTF8, "application/json"));
        var (query, queryAnswer) = await SendAsync("POST", "api/v1/logs/query", new StringContent("""{"query":"fields @message | limit 1","since":"5m"}""", Encoding.UTF8, "application/json"));
        var (releases, _) = await SendAsync("GET", "api/v1/releases?limit=500", null);
        var (golden, _) = await SendAsync("GET", "api/v1/metrics/golden?version=v1&range=1m", null);

        flag.ShouldBe(200, flagAnswer.ToString());
        query.ShouldBe(200, queryAnswer.ToString());
        releases.ShouldBe(200);
        golden.ShouldBe(200);
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(string method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        using var response = await Platform.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is >= HttpStatusCode.BadRequest)
        {
            (response.Content.Headers.ContentType?.MediaType).ShouldBe("application/problem+json", text);
        }

        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }
}
