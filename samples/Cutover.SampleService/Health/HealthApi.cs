using Microsoft.AspNetCore.Http.HttpResults;

namespace Cutover.SampleService.Health;

/// <summary>Liveness (the process runs) and readiness (send me new requests) probes.</summary>
internal static class HealthApi
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LivePath, static () => TypedResults.Ok(new HealthResponse("live")));
        endpoints.MapGet(ReadyPath, GetReadiness);
        return endpoints;
    }

    internal static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> GetReadiness(ReadinessState readiness)
    {
        var status = readiness.Status;
        return status == ReadinessState.Ready
            ? TypedResults.Ok(new HealthResponse(status))
            : TypedResults.Json(new HealthResponse(status), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
