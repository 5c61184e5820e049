using System.Text;

namespace Cutover.Core.Logs.MetricFilters;

/// <summary>One term of a term pattern: text the line must (or must not) contain, case-sensitively.</summary>
internal sealed record MetricFilterTerm(string Text, MetricFilterTermKind Kind)
{
    /// <summary>The text as UTF-8, the form lines are searched in.</summary>
    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(Text);
}
