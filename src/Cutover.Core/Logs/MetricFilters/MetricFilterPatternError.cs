namespace Cutover.Core.Logs.MetricFilters;

/// <summary>Why a metric filter pattern does not parse.</summary>
/// <param name="Position">1-based character position in the pattern where the problem is.</param>
/// <param name="Problem">What is wrong, in a short sentence.</param>
/// <param name="Fix">How to write it instead.</param>
public sealed record MetricFilterPatternError(int Position, string Problem, string Fix);
