using Cutover.Core.Alarms;

namespace Cutover.Core.Manifest;

/// <summary>The manifest's <c>alarms</c> section: the default alarms, the service's own rules, and what results.</summary>
public sealed record AlarmsSpec
{
    /// <summary>Whether the <see cref="DefaultAlarms"/> apply. Default true.</summary>
    public bool UseDefaults { get; init; } = true;

    /// <summary>The period of the default alarms and of rules that name none. Default 2 s.</summary>
    public TimeSpan Period { get; init; } = DefaultAlarms.Period;

    /// <summary>The service's rules, in manifest order. A rule named like a default replaces it.</summary>
    public IReadOnlyList<AlarmSpec> Rules { get; init; } = [];

    /// <summary>
    /// The alarms to evaluate: the defaults (when <see cref="UseDefaults"/>), each replaced by the rule of the same name,
    /// followed by the other rules in manifest order.
    /// </summary>
    public IReadOnlyList<AlarmSpec> Effective
    {
        get
        {
            var rules = new Dictionary<string, AlarmSpec>(StringComparer.Ordinal);
            foreach (var rule in Rules)
            {
                rules.TryAdd(rule.Name, rule);
            }

            var effective = new List<AlarmSpec>();
            if (UseDefaults)
            {
                effective.AddRange(DefaultAlarms.Create(Period).Select(d => rules.Remove(d.Name, out var rule) ? rule : d));
            }

            effective.AddRange(Rules.Where(r => rules.Remove(r.Name)));
            return effective;
        }
    }

    /// <summary>Equal when the settings and every rule are; the generated equality would compare the list by reference.</summary>
    public bool Equals(AlarmsSpec? other) =>
        other is not null && UseDefaults == other.UseDefaults && Period == other.Period && Rules.SequenceEqual(other.Rules);

    public override int GetHashCode() => HashCode.Combine(UseDefaults, Period, Rules.Count);
}
