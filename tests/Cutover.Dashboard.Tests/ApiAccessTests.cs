using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cutover.Core.Releases;
using Cutover.Dashboard.Tests.Support;
using Cutover.Server.Api;
using Cutover.Server.Dashboard;

namespace Cutover.Dashboard.Tests;

/// <summary>A control plane bound to 127.0.0.2, which is not the default loopback address: changes need the token.</summary>
public sealed class ApiAccessTests : IAsyncLifetime
{
    private readonly string _token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private PlatformFixture? _platform;

    private PlatformFixture Platform => _platform!;

    public async Task InitializeAsync() => _platform = await PlatformFixture.StartAsync(smokeHook: false, bindAddress: "127.0.0.2", token: _token, stepPause: "1s");

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    [Fact]
    public async Task StateChangingCall_OffLoopback_IsRefusedWithoutTheTokenAndAcceptedAndAuditedWithIt()
    {
        var deploy = new DeployRequest("v2", null);

        using var anonymous = await Platform.Api.PostAsJsonAsync("api/v1/releases", deploy, PlatformFixture.Json);
        using var wrong = await SendAsync(HttpMethod.Post, "api/v1/releases", deploy, "not-the-token");
        using var reading = await Platform.Api.GetAsync("api/v1/status");
        var info = await Platform.Api.GetFromJsonAsync<DashboardInfo>("api/v1/dashboard", PlatformFixture.Json);
        using var accepted = await SendAsync(HttpMethod.Post, "api/v1/releases", deploy, _token);
        var release = (await accepted.Content.ReadFromJsonAsync<ReleaseState>(PlatformFixture.Json))!;
        await Platform.WaitForAsync(release.Id, r => r.Phase == ReleasePhase.Shifting);
        using var abortWithout = await Platform.Api.PostAsync("api/v1/releases/current/abort", null);
        using var abort = await SendAsync(HttpMethod.Post, "api/v1/releases/current/abort", null, _token);
        var done = await Platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var audit = await Platform.GetAuditAsync(release.Id);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        anonymous.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await anonymous.Content.ReadAsStringAsync()).ShouldContain(ApiAccessOptions.TokenVariable);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).ShouldNotContain(_token);
        reading.StatusCode.ShouldBe(HttpStatusCode.OK, "reading needs no token");
        info!.TokenRequired.ShouldBeTrue();
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        abortWithout.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        abort.StatusCode.ShouldBe(HttpStatusCode.OK, await abort.Content.ReadAsStringAsync());
        done.Phase.ShouldBe(ReleasePhase.RolledBack);
        release.RequestedBy.ShouldStartWith("test [token from ");
        audit.Single(a => a.Event == "release.started").Actor.ShouldStartWith("test [token from ");
        audit.Single(a => a.Event == "rollback.started").Actor.ShouldStartWith("test [token from ");
        audit.ShouldAllBe(a => !a.Detail.Contains(_token) && !a.Actor.Contains(_token));
        (await File.ReadAllTextAsync(Path.Combine(Platform.Options.ManifestDirectory, "cutover.yaml"))).ShouldNotContain(_token);
    }

    [Fact]
    public async Task Dashboard_OffLoopback_AsksForTheTokenAndActsWithIt()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenDashboardAsync(Platform.Page);
        var release = (await (await SendAsync(HttpMethod.Post, "api/v1/releases", new DeployRequest("v2", null), _token)).Content.ReadFromJsonAsync<ReleaseState>(PlatformFixture.Json))!;
        await page.WaitForFunctionAsync($"() => document.getElementById('release-summary').dataset.phase === 'Shifting'");

        (await page.Locator("#token-form").IsVisibleAsync()).ShouldBeTrue();
        await page.Locator("[data-action='pause']").ClickAsync();
        await page.WaitForFunctionAsync("() => /refused/.test(document.getElementById('action-result').textContent)");
        (await page.Locator("#action-result").InnerTextAsync()).ShouldContain("token");
        await page.Locator("#token").FillAsync(_token);
        await page.Locator("#token-form button").ClickAsync();
        await Chromium.ScreenshotAsync(page, "token-required");
        await page.Locator("[data-action='abort']").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('release-summary').dataset.phase === 'RolledBack'", null, new() { Timeout = 60_000 });
        var audit = await Platform.GetAuditAsync(release.Id);

        audit.Single(a => a.Event == "rollback.started").Actor.ShouldStartWith("dashboard [token from ");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: PlatformFixture.Json);
        }

        return await Platform.Api.SendAsync(request);
    }
}
