namespace Cutover.Core.Logs.MetricFilters;

/// <summary><c>a &amp;&amp; b</c>.</summary>
internal sealed record JsonSelectorAnd(JsonSelector Left, JsonSelector Right) : JsonSelector
{
    public override bool Matches(MetricFilterSubject subject) => Left.Matches(subject) && Right.Matches(subject);
}
