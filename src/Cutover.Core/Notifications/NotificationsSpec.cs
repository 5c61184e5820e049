namespace Cutover.Core.Notifications;

/// <summary>
/// Where alarm state changes and release events go: receivers, and which receive which severity.
/// Locally Alertmanager does the grouping, repeating and inhibition; on AWS these become SNS subscriptions.
/// </summary>
public sealed record NotificationsSpec
{
    /// <summary>How long Alertmanager waits to group the first alerts of a new group. Default 2 s.</summary>
    public TimeSpan GroupWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long before a group that changed is notified again. Default 10 s.</summary>
    public TimeSpan GroupInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long before a group that did not change is notified again. Default 1 h.</summary>
    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(1);

    public IReadOnlyList<ReceiverSpec> Receivers { get; init; } = [];

    /// <summary>Receiver names per route: <c>critical</c>, <c>warning</c>, <c>info</c> (alarm severities) and <c>releases</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Routes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The route names <see cref="Routes"/> may use.</summary>
    public static IReadOnlyList<string> RouteNames { get; } = ["critical", "warning", "info", "releases"];
}
