namespace Cutover.Server.Logs;

/// <summary>Body of <c>POST /api/v1/logs/query</c>.</summary>
/// <param name="Query">The query, such as <c>filter level = "Error" | stats count() by bin(1m)</c>.</param>
/// <param name="Since">Start of the time range: a duration back from now (<c>15m</c>) or an ISO 8601 time. Default 1h.</param>
/// <param name="Until">End of the time range, same forms; default now.</param>
public sealed record LogQueryRequest(string Query, string? Since = null, string? Until = null);
