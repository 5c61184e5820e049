using Cutover.Core.Releases;
using Cutover.Server.Platform;
using Cutover.Server.Releases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cutover.Server.Api;

/// <summary>The control plane's HTTP API, versioned under <c>/api/v1</c>, with problem-details errors.</summary>
public static class ReleaseApi
{
    /// <summary>Header the CLI sets to name who asked; recorded in the audit trail.</summary>
    public const string ActorHeader = "X-Cutover-Actor";

    public static IEndpointRouteBuilder MapReleaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        api.MapGet("/status", GetStatusAsync);
        api.MapPost("/releases", DeployAsync);
        api.MapGet("/releases", ListReleasesAsync);
        api.MapGet("/releases/{id}", GetReleaseAsync);
        api.MapPost("/releases/current/{command}", SendCommandAsync);
        api.MapPost("/rollback", RollbackAsync);
        api.MapGet("/audit", ListAuditAsync);
        api.MapGet("/alarms", ListAlarms);
        api.MapPost("/shutdown", Shutdown);
        return app;
    }

    private static async Task<Ok<StatusResponse>> GetStatusAsync(LocalPlatform platform, ReleaseCoordinator coordinator, CancellationToken cancellationToken)
    {
        var status = await platform.GetStatusAsync(coordinator, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(status);
    }

    private static async Task<Results<Accepted<ReleaseState>, ProblemHttpResult>> DeployAsync(
        DeployRequest? request,
        ReleaseCoordinator coordinator,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "missing body", "send {\"version\": \"v2\", \"strategy\": \"canary\"}");
        }

        var result = await coordinator.DeployAsync(request.Version, request.Strategy, request.IgnoreAlarms, Actor(context), cancellationToken).ConfigureAwait(false);
        return ToResult(result);
    }

    private static async Task<Results<Accepted<ReleaseState>, ProblemHttpResult>> RollbackAsync(
        ReleaseCoordinator coordinator,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await coordinator.RollbackAsync(Actor(context), cancellationToken).ConfigureAwait(false);
        return ToResult(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReleaseState>>, ProblemHttpResult>> ListReleasesAsync(LocalPlatform platform, int? limit, CancellationToken cancellationToken) =>
        QueryLimit.Check(limit, 20, 500, out var count) is { } invalid
            ? invalid
            : TypedResults.Ok(await platform.Store.ListReleasesAsync(count, cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<ReleaseState>, ProblemHttpResult>> GetReleaseAsync(string id, LocalPlatform platform, ReleaseCoordinator coordinator, CancellationToken cancellationToken)
    {
        // The running release as the engine has it: ahead of the saved state, and saying why, while the disk is full.
        var release = coordinator.Latest is { } latest && latest.Id == id
            ? latest
            : await platform.Store.GetReleaseAsync(id, cancellationToken).ConfigureAwait(false);
        return release is null
            ? Problem(StatusCodes.Status404NotFound, "unknown release", $"no release with id '{ApiInput.Echo(id)}'; 'cutover history' lists them")
            : TypedResults.Ok(release);
    }

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> SendCommandAsync(
        string command,
        ReleaseCoordinator coordinator,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ReleaseCommand>(command, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(command[0]))
        {
            return Problem(StatusCodes.Status404NotFound, "unknown command", $"'{ApiInput.Echo(command)}' is not a command: use pause, resume, promote or abort");
        }

        var outcome = await coordinator.SendAsync(parsed, Actor(context), cancellationToken).ConfigureAwait(false);
        return outcome.Accepted && coordinator.Latest is { } release
            ? TypedResults.Ok(new CommandResponse(release.Id, outcome.Message, release))
            : outcome.NotSaved
                ? Problem(StatusCodes.Status507InsufficientStorage, "disk full", outcome.Message)
                : Problem(StatusCodes.Status409Conflict, $"{command} refused", outcome.Message);
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> ListAuditAsync(LocalPlatform platform, string? release, int? limit, CancellationToken cancellationToken) =>
        QueryLimit.Check(limit, 200, 10_000, out var count) is { } invalid
            ? invalid
            : TypedResults.Ok(await platform.Store.ListAuditAsync(release, count, cancellationToken).ConfigureAwait(false));

    private static Ok<List<AlarmStatusResponse>> ListAlarms(Core.Alarms.AlarmMonitor monitor) =>
        TypedResults.Ok(monitor.States
            .Select(s => new AlarmStatusResponse(
                s.Alarm.Name,
                s.Scope,
                s.State switch { Core.Alarms.AlarmState.Ok => "OK", Core.Alarms.AlarmState.Alarm => "ALARM", _ => "INSUFFICIENT_DATA" },
                s.Alarm.Severity.ToString().ToLowerInvariant(),
                s.Alarm.Rollback,
                s.Since,
                s.Reason))
            .ToList());

    private static Accepted<string> Shutdown(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime)
    {
        lifetime.StopApplication();
        return TypedResults.Accepted((string?)null, "stopping");
    }

    private static Results<Accepted<ReleaseState>, ProblemHttpResult> ToResult(CoordinatorResult result) => result.Error switch
    {
        CoordinatorError.None => TypedResults.Accepted($"/api/v1/releases/{result.Release!.Id}", result.Release),
        CoordinatorError.NotFound => Problem(StatusCodes.Status404NotFound, "not found", result.Message),
        CoordinatorError.Conflict => Problem(StatusCodes.Status409Conflict, "conflict", result.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "invalid request", result.Message),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Who asked, for the audit trail: the CLI's header, or the caller's address.</summary>
    internal static string Actor(HttpContext context)
    {
        var actor = context.Request.Headers[ActorHeader].ToString();
        return string.IsNullOrWhiteSpace(actor) ? $"api:{context.Connection.RemoteIpAddress}" : actor[..Math.Min(actor.Length, 100)];
    }
}
