namespace Cutover.Core.Logs.Queries;

/// <summary>The aggregate functions of <c>stats</c>.</summary>
public enum LogAggregateFunction
{
    /// <summary><c>count()</c> or <c>count(*)</c>: lines; <c>count(field)</c>: lines that have the field.</summary>
    Count,

    /// <summary><c>count_distinct(field)</c>: distinct values (exact, not CloudWatch's estimate).</summary>
    CountDistinct,

    Sum,

    Avg,

    Min,

    Max,

    /// <summary><c>pct(field, 99)</c>: the value below which the given percentage of values fall (nearest rank).</summary>
    Percentile,
}
