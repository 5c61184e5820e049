namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary>One key of <c>sort</c>: a field or column name (an aggregate as written, such as <c>count()</c>, counts as one).</summary>
internal sealed record SortItem(string Name, bool Descending, int Position);
