using System.Globalization;
using System.Text;
using System.Text.Json;
using Cutover.Core.Notifications;

namespace Cutover.Local.Alertmanager;

/// <summary>
/// alertmanager.yml from the manifest's notifications: one route per (route, receiver) pair with <c>continue</c> so a
/// severity can fan out to several receivers; grouping by service and severity; warnings inhibited while a critical
/// alert of the same service fires. Secrets come from the environment at render time and live only in the
/// generated file (mode 600), never in the manifest.
/// </summary>
public static class AlertmanagerConfigRenderer
{
    /// <summary>Label that tells alarm alerts from release events.</summary>
    public const string KindLabel = "kind";

    public static string Render(NotificationsSpec spec, Func<ReceiverSpec, Uri> fileReceiverUrl, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fileReceiverUrl);
        ArgumentNullException.ThrowIfNull(environment);
        var yaml = new StringBuilder();
        yaml.AppendLine("route:");
        yaml.AppendLine("  receiver: \"nowhere\"");
        yaml.AppendLine("  group_by: [\"service\", \"severity\", \"release\"]");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  group_wait: {Duration(spec.GroupWait)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  group_interval: {Duration(spec.GroupInterval)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  repeat_interval: {Duration(spec.RepeatInterval)}");
        yaml.AppendLine("  routes:");
        foreach (var (route, receivers) in spec.Routes)
        {
            var matcher = route == "releases" ? $"{KindLabel}=\"release\"" : $"severity=\"{route}\"";
            foreach (var receiver in receivers)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    - receiver: {Quote(receiver)}");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      matchers: [{Quote(matcher)}]");
                yaml.AppendLine("      continue: true");
            }
        }

        yaml.AppendLine("inhibit_rules:");
        yaml.AppendLine("  - source_matchers: [\"severity=\\\"critical\\\"\"]");
        yaml.AppendLine("    target_matchers: [\"severity=\\\"warning\\\"\"]");
        yaml.AppendLine("    equal: [\"service\"]");
        yaml.AppendLine("receivers:");
        yaml.AppendLine("  - name: \"nowhere\"");
        foreach (var receiver in spec.Receivers)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: {Quote(receiver.Name)}");
            AppendReceiver(yaml, receiver, fileReceiverUrl, environment);
        }

        return yaml.ToString();
    }

    private static void AppendReceiver(StringBuilder yaml, ReceiverSpec receiver, Func<ReceiverSpec, Uri> fileReceiverUrl, Func<string, string?> environment)
    {
        switch (receiver.Kind)
        {
            case ReceiverKind.Webhook:
                yaml.AppendLine("    webhook_configs:");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      - url: {Quote(Url(receiver, environment))}");
                yaml.AppendLine("        send_resolved: true");
                break;
            case ReceiverKind.Slack:
                yaml.AppendLine("    slack_configs:");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      - api_url: {Quote(Url(receiver, environment))}");
                if (receiver.Channel is { } channel)
                {
                    yaml.AppendLine(CultureInfo.InvariantCulture, $"        channel: {Quote(channel)}");
                }

                yaml.AppendLine("        send_resolved: true");
                yaml.AppendLine("        title: '[{{ .Status | toUpper }}] {{ .CommonLabels.severity }} {{ .CommonLabels.service }}: {{ .CommonLabels.alertname }}'");
                yaml.AppendLine("        text: '{{ range .Alerts }}{{ .Annotations.summary }} {{ .Annotations.values }} {{ .Annotations.commands }}{{ \"\\n\" }}{{ end }}'");
                break;
            case ReceiverKind.Email:
                yaml.AppendLine("    email_configs:");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      - to: {Quote(receiver.To!)}");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"        from: {Quote(receiver.From!)}");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"        smarthost: {Quote(receiver.Smarthost!)}");
                // Local SMTP relays rarely speak TLS; a real relay is configured with a username and password.
                yaml.AppendLine("        require_tls: false");
                yaml.AppendLine("        send_resolved: true");
                if (receiver.Username is { } username)
                {
                    yaml.AppendLine(CultureInfo.InvariantCulture, $"        auth_username: {Quote(username)}");
                }

                if (receiver.PasswordFromEnv is { } passwordVariable && environment(passwordVariable) is { } password)
                {
                    yaml.AppendLine(CultureInfo.InvariantCulture, $"        auth_password: {Quote(password)}");
                }

                break;
            case ReceiverKind.File:
                yaml.AppendLine("    webhook_configs:");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      - url: {Quote(fileReceiverUrl(receiver).ToString())}");
                yaml.AppendLine("        send_resolved: true");
                break;
        }
    }

    private static string Url(ReceiverSpec receiver, Func<string, string?> environment) =>
        receiver.Url
        ?? (receiver.UrlFromEnv is { } variable ? environment(variable) : null)
        ?? throw new InvalidOperationException($"receiver {receiver.Name}: environment variable {receiver.UrlFromEnv} is not set; export it before 'cutover up'");

    // Relaxed: quotes stay \" rather than \u0022, so the generated file reads as written by hand.
    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string is a valid YAML double-quoted scalar, escapes included.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static string Duration(TimeSpan value) =>
        value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
}
