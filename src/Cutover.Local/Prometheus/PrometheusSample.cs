namespace Cutover.Local.Prometheus;

/// <summary>One value of an instant vector (or the single value of a scalar, with no labels).</summary>
/// <param name="Labels">The series labels, including <c>__name__</c> when the expression keeps it.</param>
/// <param name="Timestamp">The evaluation time.</param>
/// <param name="Value">The value; <see cref="double.NaN"/> and infinities come through as such.</param>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, DateTimeOffset Timestamp, double Value);
