namespace Cutover.Testing.Load;

/// <summary>One successful response: when it was sent and answered (ms since the load started) and which version answered.</summary>
public sealed record LoadSample(long StartedMs, long EndedMs, string Version);
