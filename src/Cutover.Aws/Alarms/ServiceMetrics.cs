namespace Cutover.Aws.Alarms;

/// <summary>Where one region's service publishes its metrics: the ALB, its two target groups, the ECS service, and Cutover's namespace.</summary>
/// <param name="LoadBalancerFullName">The ALB's <c>app/name/id</c> dimension value.</param>
/// <param name="TargetGroups">Blue and green, each with its <c>targetgroup/name/id</c> dimension value.</param>
/// <param name="ClusterName">The ECS cluster.</param>
/// <param name="ServiceName">The ECS service.</param>
/// <param name="CustomNamespace">Namespace of the metrics Cutover derives from logs and events, such as task crashes.</param>
public sealed record ServiceMetrics(
    string LoadBalancerFullName,
    IReadOnlyList<TargetGroupMetrics> TargetGroups,
    string ClusterName,
    string ServiceName,
    string CustomNamespace)
{
    /// <summary>The metric name of task crashes, counted by a metric filter over ECS task state changes.</summary>
    public const string TaskCrashes = "TaskCrashes";

    /// <summary>The metric name of application log lines that report an error.</summary>
    public const string AppErrors = "AppErrors";
}
