namespace Cutover.Core.Logs.Queries;

/// <summary>
/// A checked query, ready for a store to run: which lines (<see cref="Where"/>), what comes out
/// (<see cref="Columns"/>, grouped when <see cref="IsAggregate"/>), which groups stay (<see cref="Having"/>), in
/// which order and how many. Every name is resolved: no <see cref="LogNameOperand"/> is left.
/// </summary>
public sealed record LogQueryPlan
{
    /// <summary>The most rows a query returns.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Rows returned when the query has no <c>limit</c>, as in CloudWatch.</summary>
    public const int DefaultLimit = 1_000;

    /// <summary>The output columns, in order. For an aggregate, the groups (by order of <c>by</c>) then the aggregates.</summary>
    public required IReadOnlyList<LogColumn> Columns { get; init; }

    /// <summary>The lines considered: every <c>filter</c> before <c>stats</c>, joined by and; null for all.</summary>
    public LogExpression? Where { get; init; }

    /// <summary>
    /// Text every matching line's message must contain (case-sensitively), from <c>@message like "..."</c> in
    /// <see cref="Where"/>'s top-level and: a store can answer these from a full-text index first. <see cref="Where"/>
    /// still holds the exact conditions.
    /// </summary>
    public IReadOnlyList<string> FullTextTerms { get; init; } = [];

    /// <summary>True when the query has <c>stats</c>: one row per group.</summary>
    public bool IsAggregate { get; init; }

    /// <summary>Every <c>filter</c> after <c>stats</c>, over its output columns; null for none.</summary>
    public LogExpression? Having { get; init; }

    /// <summary>Sort keys, most significant first; never empty.</summary>
    public required IReadOnlyList<LogSortKey> Sort { get; init; }

    /// <summary>How many rows at most, from 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
