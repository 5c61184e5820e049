using Cutover.Core.Releases;
using Cutover.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Cutover.Dashboard.Tests;

/// <summary>The dashboard in headless Chromium, on a real platform under load: what a person would see and do.</summary>
[Collection(LoopbackTests.Name)]
public sealed partial class DashboardPageTests(LoopbackPlatform shared)
{
    /// <summary>Records every distinct (release, phase, step, weight, traffic shares) the page shows, as it shows them.</summary>
    private const string RecordScreenStates = """
        () => {
          window.__seen = [];
          const record = () => {
            const s = document.getElementById('release-summary');
            const shares = [...document.querySelectorAll('#versions li[data-version]')].map(li => `${li.dataset.version}=${li.dataset.share}`).join(',');
            const key = `${s.dataset.release}|${s.dataset.phase}|${s.dataset.step}|${s.dataset.weight}|${shares}`;
            if (window.__seen[window.__seen.length - 1] !== key) window.__seen.push(key);
          };
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
          record();
        }
        """;

    private PlatformFixture Platform => shared.Platform;

    [Fact]
    public async Task RunningCanary_StepWeightsAndCharts_ChangeOnScreenWithoutReload()
    {
        var page = await shared.Chromium.OpenDashboardAsync(Platform.Page);
        await page.EvaluateAsync(RecordScreenStates);
        await page.EvaluateAsync("() => window.__sameDocument = 42");
        var version = await Platform.OtherGoodVersionAsync();

        var release = await Platform.DeployAsync(version);
        await WaitForScreenAsync(page, $"s => s.dataset.release === '{release.Id}' && s.dataset.phase === 'Shifting' && s.dataset.step === '2'");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-chart=\"requests-s\"]')?.dataset.points) > 0");
        await Chromium.ScreenshotAsync(page, "canary-1280x800");
        await Chromium.ScreenshotAsync(page, "canary-full-page", fullPage: true);
        var pointsMidRelease = await ChartPointsAsync(page, "requests-s");
        await WaitForScreenAsync(page, $"s => s.dataset.release === '{release.Id}' && s.dataset.phase === 'Succeeded'", TimeSpan.FromSeconds(60));
        var seen = (await page.EvaluateAsync<string[]>("() => window.__seen")).Where(s => s.StartsWith(release.Id, StringComparison.Ordinal)).ToList();
        var steps = seen.Select(s => s.Split('|')).Where(p => p[1] is "Shifting" or "Baking").Select(p => (Step: int.Parse(p[2]), Weight: int.Parse(p[3]))).Distinct().ToList();
        var newShares = seen.Select(s => s.Split('|')[4]).Select(s => s.Split(',').FirstOrDefault(v => v.StartsWith(version + "=", StringComparison.Ordinal))).OfType<string>().Distinct().ToList();
        var chartKeys = await page.EvaluateAsync<string[]>("() => [...window.cutoverDashboard.charts.get('requests-s').series.keys()]");
        var timeline = await page.Locator("#timeline li[data-step]").AllAsync();

        steps.ShouldBe([(0, 5), (1, 10), (2, 25), (3, 50), (4, 100)], string.Join(Environment.NewLine, seen));
        newShares.Count.ShouldBeGreaterThanOrEqualTo(3, "the new version's traffic share changed on screen: " + string.Join(", ", newShares));
        (await ChartPointsAsync(page, "requests-s")).ShouldBeGreaterThan(pointsMidRelease, "the chart kept receiving points");
        chartKeys.ShouldContain(k => k.StartsWith(version + " ", StringComparison.Ordinal));
        timeline.Count.ShouldBe(5);
        foreach (var step in timeline)
        {
            (await step.GetAttributeAsync("data-status")).ShouldBe("done");
        }

        (await page.EvaluateAsync<int>("() => window.__sameDocument")).ShouldBe(42);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Abort_ConfirmedWithTheKeyboard_ShowsTheRollbackAndItsAuditEntryWithoutReload()
    {
        var page = await shared.Chromium.OpenDashboardAsync(Platform.Page);
        await page.EvaluateAsync("() => window.__sameDocument = 42");
        var version = await Platform.OtherGoodVersionAsync();
        var release = await Platform.DeployAsync(version);
        await WaitForScreenAsync(page, $"s => s.dataset.release === '{release.Id}' && s.dataset.phase === 'Shifting'");

        // Tab to Abort, as a keyboard user would; the dialog opens on Cancel, so one more Tab reaches Confirm.
        await page.Locator("[data-action='promote']").FocusAsync();
        await TabUntilAsync(page, "abort");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog#confirm");
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).ShouldBe("Cancel");
        (await dialog.InnerTextAsync()).ShouldContain($"Abort the release of {version}?");
        await Chromium.ScreenshotAsync(page, "abort-confirmation");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("confirm-ok");
        await page.Keyboard.PressAsync("Enter");

        await WaitForScreenAsync(page, $"s => s.dataset.release === '{release.Id}' && s.dataset.phase === 'RolledBack'", TimeSpan.FromSeconds(60));
        var rolledBack = page.Locator("#audit-table tr[data-event='release.rolled-back']").First;
        await rolledBack.WaitForAsync();
        var abortRow = page.Locator("#audit-table tr[data-event='rollback.started']").First;
        await Chromium.ScreenshotAsync(page, "aborted-1280x800");
        var audit = await Platform.GetAuditAsync(release.Id);
        var done = await Platform.WaitForAsync(release.Id, r => r.IsTerminal);

        done.Phase.ShouldBe(ReleasePhase.RolledBack);
        audit.ShouldContain(a => a.Event == "rollback.started" && a.Actor == "dashboard");
        (await abortRow.InnerTextAsync()).ShouldContain("dashboard");
        (await rolledBack.InnerTextAsync()).ShouldContain("release.rolled-back");
        (await page.Locator("#release-summary").InnerTextAsync()).ShouldContain("rolled back");
        (await page.Locator("#timeline li[data-status='failed'][data-step]").CountAsync()).ShouldBe(1);
        (await page.Locator("#action-result").InnerTextAsync()).ShouldContain("abort:");
        (await page.EvaluateAsync<int>("() => window.__sameDocument")).ShouldBe(42);
        await page.CloseAsync();
    }

    [Fact]
    public async Task BadVersion_RolledBackByItsAlarm_ShowsTheAlarmItsValuesAndTheStep()
    {
        var page = await shared.Chromium.OpenDashboardAsync(Platform.Page);
        var release = await Platform.DeployAsync("v3-errors");

        await WaitForScreenAsync(page, $"s => s.dataset.release === '{release.Id}' && s.dataset.phase === 'RolledBack'", TimeSpan.FromSeconds(90));
        var done = await Platform.WaitForAsync(release.Id, r => r.IsTerminal);
        var alarm = AlarmReason().Match(done.Reason ?? string.Empty).Groups[1].Value;
        alarm.ShouldBe("error-rate", $"rolled back by the error-rate alarm, not: {done.Reason}");
        var transition = page.Locator($"#alarm-history li[data-alarm='{alarm}'][data-scope='v3-errors'][data-to='ALARM']").First;
        await transition.WaitForAsync();
        var stoppedAt = page.Locator("#timeline li[data-status='failed'][data-step]");
        await page.Locator("#alarms").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "alarm-rollback-1280x800");
        await Chromium.ScreenshotAsync(page, "alarm-rollback-full-page", fullPage: true);

        (await stoppedAt.CountAsync()).ShouldBe(1);
        var stepText = await stoppedAt.InnerTextAsync();
        stepText.ShouldContain($"Step {done.StepIndex + 1} of 5");
        stepText.ShouldContain($"alarm {alarm} is in ALARM for v3-errors");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain($"alarm.state: {alarm} for v3-errors");
        var transitionText = await transition.InnerTextAsync();
        transitionText.ShouldContain(alarm);
        transitionText.ShouldMatch(@"values: .*\d");
        (await page.Locator("#release-summary").InnerTextAsync()).ShouldContain($"Why: alarm {alarm} is in ALARM");
        await page.CloseAsync();
    }

    [Fact]
    public async Task NarrowWindow_EverythingFitsAndEveryControlIsReachableByKeyboard()
    {
        var page = await shared.Chromium.OpenDashboardAsync(Platform.Page, width: 390, height: 844);
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-chart=\"requests-s\"]')?.dataset.points) > 0");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await Chromium.ScreenshotAsync(page, "narrow-390");
        await Chromium.ScreenshotAsync(page, "narrow-390-full-page", fullPage: true);
        var reached = new List<string>();
        await page.Locator("body").FocusAsync();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || e.dataset.action || e.getAttribute('href') || e.textContent.trim(); }"));
        }

        var enabled = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-action]')].filter(b => !b.disabled).map(b => b.dataset.action)");

        overflow.ShouldBeLessThanOrEqualTo(0, "no horizontal scrolling at 390 px");
        reached.ShouldContain("#main");
        reached.ShouldContain("#alarms");
        reached.ShouldContain("#logs");
        reached.ShouldContain("log-query");
        reached.ShouldContain("log-since");
        reached.ShouldContain("Run query");
        foreach (var action in enabled)
        {
            reached.ShouldContain(action, "every control that applies now is reachable");
        }
        await page.CloseAsync();
    }

    [Fact]
    public async Task LogView_Query_ShowsRowsOrSaysLogsAreUnavailable()
    {
        var page = await shared.Chromium.OpenDashboardAsync(Platform.Page);
        using var probe = await Platform.Api.PostAsync("api/v1/logs/query", JsonContent("{\"query\":\"limit 1\"}"));

        await page.Locator("#log-query").FillAsync("fields @timestamp, @level, @version, @message | sort @timestamp desc | limit 20");
        await page.Locator("#log-form button[type='submit']").ClickAsync();
        var status = page.Locator("#log-status");
        await page.WaitForFunctionAsync("() => !['', 'Running…'].includes(document.getElementById('log-status').textContent)");
        await page.Locator("#logs").ScrollIntoViewIfNeededAsync();
        await Chromium.ScreenshotAsync(page, "logs-1280x800");

        if (probe.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            (await status.InnerTextAsync()).ShouldContain("not available");
        }
        else
        {
            (await status.InnerTextAsync()).ShouldMatch(@"^\d+ rows? in \d+ ms\.$");
            (await page.Locator("#log-table thead th").AllInnerTextsAsync()).ShouldContain("@message");
        }

        await page.Locator("#log-query").FillAsync("fields @message | sort");
        await page.Locator("#log-form button[type='submit']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('log-status').dataset.kind === 'error' || /not available/.test(document.getElementById('log-status').textContent)");
        await page.CloseAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^alarm ([a-z0-9-]+) is in ALARM for v3-errors")]
    private static partial System.Text.RegularExpressions.Regex AlarmReason();

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task WaitForScreenAsync(IPage page, string summaryCondition, TimeSpan? timeout = null) =>
        await page.WaitForFunctionAsync(
            $"() => ({summaryCondition})(document.getElementById('release-summary'))",
            null,
            new PageWaitForFunctionOptions { Timeout = (float)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds, PollingInterval = 50 });

    private static Task<int> ChartPointsAsync(IPage page, string chart) =>
        page.EvaluateAsync<int>($"() => Number(document.querySelector('[data-chart=\"{chart}\"]').dataset.points)");

    private static async Task TabUntilAsync(IPage page, string action)
    {
        for (var i = 0; i < 10; i++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement.dataset.action") == action)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached the {action} button");
    }
}
