namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary>One command of a query, between pipes, as written.</summary>
internal abstract record QueryStage(int Position);
