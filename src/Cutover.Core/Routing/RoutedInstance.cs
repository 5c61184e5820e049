namespace Cutover.Core.Routing;

/// <summary>One instance as the load balancer sees it.</summary>
public sealed record RoutedInstance(string InstanceId, int Weight, bool Healthy, int CurrentSessions, string Status);
