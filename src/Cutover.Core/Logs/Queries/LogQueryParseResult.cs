namespace Cutover.Core.Logs.Queries;

/// <summary>A planned query, or the first error in it.</summary>
public sealed record LogQueryParseResult(LogQueryPlan? Plan, LogQueryError? Error)
{
    public bool IsValid => Error is null;
}
