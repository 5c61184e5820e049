using Cutover.Core.Manifest;
using Cutover.Core.Notifications;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestNotificationsTests
{
    // Lines 1-7; a test's notifications section starts on line 8.
    private const string Minimal = MinimalManifest.Text;

    [Fact]
    public void Parse_NoNotificationsSection_HasNone()
    {
        ManifestParser.Parse(Minimal, "cutover.yaml").Manifest!.Notifications.ShouldBeNull();
    }

    [Fact]
    public void Parse_EveryReceiverKind_ReadsReceiversAndRoutes()
    {
        var result = ManifestParser.Parse(Minimal + """
            notifications:
              groupWait: 1s
              receivers:
                - { name: oncall, webhook: { url: "http://127.0.0.1:9000/hook" } }
                - { name: chat, slack: { urlFromEnv: SLACK_WEBHOOK_URL, channel: "#ops" } }
                - { name: mail, email: { to: ops@example.com, from: cutover@example.com, smarthost: "127.0.0.1:25" } }
                - { name: journal, file: { path: notifications.log } }
              routes:
                critical: [oncall, chat, mail]
                releases: [journal]
            """, "cutover.yaml");

        result.Errors.ShouldBeEmpty();
        var spec = result.Manifest!.Notifications!;
        spec.GroupWait.ShouldBe(TimeSpan.FromSeconds(1));
        spec.Receivers.Select(r => (r.Name, r.Kind)).ShouldBe(
            [("oncall", ReceiverKind.Webhook), ("chat", ReceiverKind.Slack), ("mail", ReceiverKind.Email), ("journal", ReceiverKind.File)]);
        spec.Receivers[1].UrlFromEnv.ShouldBe("SLACK_WEBHOOK_URL");
        spec.Routes["critical"].ShouldBe(["oncall", "chat", "mail"]);
        spec.Routes["releases"].ShouldBe(["journal"]);
    }

    [Fact]
    public void Parse_RouteNamesUndeclaredReceiver_ReportsTheRouteLineAndTheKnownNames()
    {
        var result = ManifestParser.Parse(Minimal + """
            notifications:
              receivers:
                - { name: oncall, webhook: { url: "http://127.0.0.1:9000/hook" } }
              routes:
                critical: [pager]
            """, "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(12);
        error.Field.ShouldBe("notifications.routes.critical");
        error.Problem.ShouldBe("route critical names receiver \"pager\", which is not declared");
        error.Fix.ShouldBe("use one of oncall");
    }

    [Fact]
    public void Parse_ReceiverWithTwoKindsOrMissingUrl_ReportsEach()
    {
        var result = ManifestParser.Parse(Minimal + """
            notifications:
              receivers:
                - { name: both, webhook: { url: "http://127.0.0.1:1/a" }, file: { path: x.log } }
                - { name: nourl, slack: { channel: "#ops" } }
                - { name: bad, webhook: { url: "not a url" } }
            """, "cutover.yaml");

        result.Errors.Select(e => e.Problem).ShouldBe(
        [
            "the receiver has 2 kinds (webhook, file)",
            "the slack receiver lacks url",
            "\"not a url\" is not an absolute URL",
        ]);
        result.Errors.Select(e => e.Line).ShouldBe([10, 11, 12]);
    }

    [Fact]
    public void Parse_UnknownRoute_SuggestsTheNearestName()
    {
        var result = ManifestParser.Parse(Minimal + """
            notifications:
              receivers:
                - { name: oncall, webhook: { url: "http://127.0.0.1:9000/hook" } }
              routes:
                critcal: [oncall]
            """, "cutover.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("notifications.routes.critcal");
        error.Fix.ShouldContain("critical");
    }
}
