using System.Collections.Concurrent;
using Cutover.Core.Alarms;

namespace Cutover.Testing.Fakes;

/// <summary>Alarm states a test sets by hand, per scope.</summary>
public sealed class FakeAlarmStatusSource : IAlarmStatusSource
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<AlarmStatus>> _byScope = new(StringComparer.Ordinal);

    public static AlarmSpec ErrorRate { get; } = DefaultAlarms.Create().Single(a => a.Name == "error-rate");

    public void Set(string scope, params AlarmStatus[] statuses) => _byScope[scope] = statuses;

    public void Set(string scope, AlarmSpec alarm, AlarmState state, string reason = "test") =>
        _byScope[scope] = [new AlarmStatus(alarm, scope, state, default, reason)];

    public IReadOnlyList<AlarmStatus> StatusesFor(string scope) => _byScope.TryGetValue(scope, out var statuses) ? statuses : [];
}
