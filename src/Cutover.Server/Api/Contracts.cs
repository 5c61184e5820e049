using Cutover.Core.Releases;

namespace Cutover.Server.Api;

/// <summary>Body of <c>POST /api/v1/releases</c>.</summary>
public sealed record DeployRequest(string Version, string? Strategy = null, bool IgnoreAlarms = false);

/// <summary>Answer to a pause, resume, promote or abort.</summary>
public sealed record CommandResponse(string ReleaseId, string Message, ReleaseState Release);

/// <summary>One instance as the control plane and the load balancer see it.</summary>
public sealed record InstanceStatus(string Id, string Version, int Port, int ProcessId, int Weight, double TrafficPercent, bool Healthy, string Status);

/// <summary>Body of <c>GET /api/v1/status</c>.</summary>
public sealed record StatusResponse(
    string Service,
    string Environment,
    string? CurrentVersion,
    string? PreviousVersion,
    IReadOnlyList<InstanceStatus> Instances,
    ReleaseState? Release,
    IReadOnlyDictionary<string, string> Endpoints);

/// <summary>One alarm's state for one version, as <c>GET /api/v1/alarms</c> reports it.</summary>
public sealed record AlarmStatusResponse(string Alarm, string Scope, string State, string Severity, bool Rollback, DateTimeOffset Since, string Reason);
