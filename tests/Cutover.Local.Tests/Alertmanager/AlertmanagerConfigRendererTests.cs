using System.Diagnostics;
using Cutover.Core.Notifications;
using Cutover.Local.Alertmanager;

namespace Cutover.Local.Tests.Alertmanager;

public sealed class AlertmanagerConfigRendererTests
{
    private static readonly NotificationsSpec Spec = new()
    {
        Receivers =
        [
            new ReceiverSpec { Name = "oncall", Kind = ReceiverKind.Webhook, Url = "http://127.0.0.1:9000/hook" },
            new ReceiverSpec { Name = "chat", Kind = ReceiverKind.Slack, UrlFromEnv = "CHAT_URL", Channel = "#ops" },
            new ReceiverSpec { Name = "mail", Kind = ReceiverKind.Email, To = "ops@example.com", From = "c@example.com", Smarthost = "127.0.0.1:25" },
            new ReceiverSpec { Name = "journal", Kind = ReceiverKind.File, Path = "n.log" },
        ],
        Routes = new Dictionary<string, IReadOnlyList<string>> { ["critical"] = ["oncall", "chat"], ["warning"] = ["oncall"], ["releases"] = ["journal"] },
    };

    [Fact]
    public async Task Render_EveryReceiverKind_PassesAmtoolCheckConfig()
    {
        var config = AlertmanagerConfigRenderer.Render(Spec, r => new Uri($"http://127.0.0.1:7400/file/{r.Name}"), name => name == "CHAT_URL" ? "http://127.0.0.1:9001/slack" : null);
        var path = Path.Combine(Directory.CreateTempSubdirectory("cutover-am-").FullName, "alertmanager.yml");
        await File.WriteAllTextAsync(path, config);

        var info = new ProcessStartInfo("amtool") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("check-config");
        info.ArgumentList.Add(path);
        using var amtool = Process.Start(info)!;
        var output = await amtool.StandardOutput.ReadToEndAsync() + await amtool.StandardError.ReadToEndAsync();
        await amtool.WaitForExitAsync();

        amtool.ExitCode.ShouldBe(0, output);
        output.ShouldContain(" - 5 receivers");
        output.ShouldContain(" - 1 inhibit rules");
    }

    [Fact]
    public void Render_RoutesFanOutWithContinueAndInhibitWarningsUnderCriticals()
    {
        var config = AlertmanagerConfigRenderer.Render(Spec, r => new Uri($"http://127.0.0.1:7400/file/{r.Name}"), _ => "http://127.0.0.1:9001/slack");

        config.ShouldContain("    - receiver: \"oncall\"\n      matchers: [\"severity=\\\"critical\\\"\"]\n      continue: true");
        config.ShouldContain("    - receiver: \"chat\"\n      matchers: [\"severity=\\\"critical\\\"\"]\n      continue: true");
        config.ShouldContain("    - receiver: \"journal\"\n      matchers: [\"kind=\\\"release\\\"\"]");
        config.ShouldContain("  - source_matchers: [\"severity=\\\"critical\\\"\"]\n    target_matchers: [\"severity=\\\"warning\\\"\"]\n    equal: [\"service\"]");
        config.ShouldContain("url: \"http://127.0.0.1:7400/file/journal\"");
    }

    [Fact]
    public void Render_UrlFromUnsetVariable_FailsNamingTheVariable()
    {
        var error = Should.Throw<InvalidOperationException>(() => AlertmanagerConfigRenderer.Render(Spec, r => new Uri("http://127.0.0.1/"), _ => null));

        error.Message.ShouldContain("environment variable CHAT_URL is not set");
    }
}
