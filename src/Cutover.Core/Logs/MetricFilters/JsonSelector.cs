namespace Cutover.Core.Logs.MetricFilters;

/// <summary>A node of a JSON selector such as <c>{ $.level = "Error" &amp;&amp; $.StatusCode &gt;= 500 }</c>.</summary>
internal abstract record JsonSelector
{
    public abstract bool Matches(MetricFilterSubject subject);
}
