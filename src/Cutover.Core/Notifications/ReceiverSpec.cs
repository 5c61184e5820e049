namespace Cutover.Core.Notifications;

/// <summary>
/// One receiver. Secrets (webhook URLs with tokens, SMTP passwords) are never written in the manifest: name the
/// environment variable that holds them (<see cref="UrlFromEnv"/>, <see cref="PasswordFromEnv"/>).
/// </summary>
public sealed record ReceiverSpec
{
    public required string Name { get; init; }

    public required ReceiverKind Kind { get; init; }

    /// <summary>Webhook or Slack URL, when it carries no secret.</summary>
    public string? Url { get; init; }

    /// <summary>Environment variable holding the URL, for URLs that carry a token.</summary>
    public string? UrlFromEnv { get; init; }

    /// <summary>Slack channel, such as <c>#releases</c>.</summary>
    public string? Channel { get; init; }

    public string? To { get; init; }

    public string? From { get; init; }

    /// <summary>SMTP server as <c>host:port</c>.</summary>
    public string? Smarthost { get; init; }

    public string? Username { get; init; }

    public string? PasswordFromEnv { get; init; }

    /// <summary>File receiver: where notifications are appended, relative to the manifest's folder.</summary>
    public string? Path { get; init; }
}
