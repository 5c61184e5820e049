namespace Cutover.Server.Logs;

/// <summary>Answer to <c>POST /api/v1/logs/query</c>: the columns, the rows (values in column order) and the time the store took.</summary>
public sealed record LogQueryResponse(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, DateTimeOffset From, DateTimeOffset Until, long ElapsedMs);
