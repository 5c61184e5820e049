namespace Cutover.Core.Logs.MetricFilters;

/// <summary>A parsed metric filter pattern, or why the text is not one.</summary>
public sealed record MetricFilterPatternParseResult(MetricFilterPattern? Pattern, MetricFilterPatternError? Error)
{
    public bool IsValid => Error is null;
}
