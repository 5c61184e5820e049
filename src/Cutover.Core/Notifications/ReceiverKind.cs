namespace Cutover.Core.Notifications;

public enum ReceiverKind
{
    /// <summary>Alertmanager's webhook JSON, posted to a URL.</summary>
    Webhook,

    /// <summary>A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat).</summary>
    Slack,

    /// <summary>Email through an SMTP server.</summary>
    Email,

    /// <summary>One JSON line per notification appended to a local file.</summary>
    File,
}
