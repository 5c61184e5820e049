namespace Cutover.Aws.Alarms;

/// <summary>One target group: the name used in alarm names (<c>blue</c>, <c>green</c>) and its dimension value.</summary>
public sealed record TargetGroupMetrics(string Name, string FullName);
