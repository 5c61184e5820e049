namespace Cutover.Server.Logs;

/// <summary>Answer to <c>GET /api/v1/logs/stats</c>: what the store holds and what the collector has done since the control plane started.</summary>
/// <param name="Lines">Lines stored.</param>
/// <param name="LastId">The newest line's id.</param>
/// <param name="DatabaseBytes">Bytes in use in <c>logs.db</c>, the figure size retention limits.</param>
/// <param name="FileBytes">Bytes of <c>logs.db</c> and its write-ahead log on disk.</param>
/// <param name="LinesCollected">Lines the collector stored since the control plane started.</param>
/// <param name="LastCollectedAt">When it last stored a line.</param>
/// <param name="Dropped">Control-plane lines dropped because the store fell behind.</param>
public sealed record LogStatsResponse(long Lines, long LastId, long DatabaseBytes, long FileBytes, long LinesCollected, DateTimeOffset? LastCollectedAt, long Dropped);
