namespace Cutover.Core.Alarms;

/// <summary>
/// An alarm on a raw PromQL query. Only the local target can evaluate it (it queries the local Prometheus); CloudWatch has
/// no equivalent, so an AWS target must report such an alarm rather than skip it.
/// </summary>
/// <param name="Query">The PromQL query; Cutover does not parse it.</param>
public sealed record PromQlAlarmMetric(string Query) : AlarmMetric;
