namespace Cutover.Core.Logs.MetricFilters;

/// <summary>The comparisons of a JSON selector, as CloudWatch writes them.</summary>
internal enum JsonSelectorOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
