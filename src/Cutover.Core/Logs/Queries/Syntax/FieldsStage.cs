namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary><c>fields a, b as c</c>.</summary>
internal sealed record FieldsStage(int Position, IReadOnlyList<FieldItem> Items) : QueryStage(Position);
