namespace Cutover.Core.Logs.MetricFilters;

/// <summary><c>a || b</c>.</summary>
internal sealed record JsonSelectorOr(JsonSelector Left, JsonSelector Right) : JsonSelector
{
    public override bool Matches(MetricFilterSubject subject) => Left.Matches(subject) || Right.Matches(subject);
}
