using System.Collections.Concurrent;
using Cutover.Core.Alarms;

namespace Cutover.Testing.Fakes;

/// <summary>
/// Alarm states a test sets by hand, per scope. With a clock, every status reads as evaluated on data of this moment
/// (the metrics store keeps answering) until <see cref="Freeze"/> stops the store answering for a scope.
/// </summary>
public sealed class FakeAlarmStatusSource(TimeProvider? clock = null) : IAlarmStatusSource
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<AlarmStatus>> _byScope = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset?> _frozen = new(StringComparer.Ordinal);

    public static AlarmSpec ErrorRate { get; } = DefaultAlarms.Create().Single(a => a.Name == "error-rate");

    public void Set(string scope, params AlarmStatus[] statuses) => _byScope[scope] = statuses;

    public void Set(string scope, AlarmSpec alarm, AlarmState state, string reason = "test") =>
        _byScope[scope] = [new AlarmStatus(alarm, scope, state, default, reason)];

    /// <summary>The metrics store stops answering for <paramref name="scope"/>: its evidence stays at this moment.</summary>
    public void Freeze(string scope) => _frozen[scope] = clock?.GetUtcNow();

    /// <summary>The metrics store answers again for <paramref name="scope"/>.</summary>
    public void Thaw(string scope) => _frozen.TryRemove(scope, out _);

    public IReadOnlyList<AlarmStatus> StatusesFor(string scope)
    {
        if (!_byScope.TryGetValue(scope, out var statuses))
        {
            return [];
        }

        if (clock is null)
        {
            return statuses;
        }

        var evidenceAt = _frozen.TryGetValue(scope, out var frozenAt) ? frozenAt : clock.GetUtcNow();
        return [.. statuses.Select(s => s.EvidenceAt is null ? s with { EvidenceAt = evidenceAt } : s)];
    }
}
