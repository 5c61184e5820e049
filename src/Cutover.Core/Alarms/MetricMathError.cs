namespace Cutover.Core.Alarms;

/// <summary>Why an expression does not parse.</summary>
/// <param name="Position">1-based character position in the expression.</param>
/// <param name="Problem">What is wrong, naming the position.</param>
/// <param name="Fix">How to write it instead.</param>
internal sealed record MetricMathError(int Position, string Problem, string Fix);
