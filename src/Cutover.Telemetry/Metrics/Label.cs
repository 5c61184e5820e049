namespace Cutover.Telemetry.Metrics;

/// <summary>One label of a series, for example <c>code="200"</c>; the name is already in Prometheus syntax.</summary>
internal readonly record struct Label(string Name, string Value);
