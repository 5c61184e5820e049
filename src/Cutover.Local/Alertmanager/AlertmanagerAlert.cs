namespace Cutover.Local.Alertmanager;

/// <summary>One alert as Alertmanager's API v2 takes it. An alert with <see cref="EndsAt"/> in the past is resolved.</summary>
public sealed record AlertmanagerAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? GeneratorUrl = null);
