namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary><c>sort a desc, b</c>.</summary>
internal sealed record SortStage(int Position, IReadOnlyList<SortItem> Keys) : QueryStage(Position);
