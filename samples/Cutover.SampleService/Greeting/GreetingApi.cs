using Cutover.SampleService.Configuration;
using Cutover.SampleService.Faults;
using Cutover.SampleService.FeatureFlags;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.FeatureManagement;

namespace Cutover.SampleService.Greeting;

/// <summary><c>GET /</c>: the request the release tool routes traffic to and measures.</summary>
internal static class GreetingApi
{
    public const string Path = "/";
    public const string VersionHeader = "X-Cutover-Version";
    public const int MaxWorkMs = 60_000;

    /// <summary>The greeting while the <see cref="SampleFeatures.NewGreeting"/> flag is on.</summary>
    public static string NewGreeting(string greeting) => $"{greeting} (new greeting)";

    public static IEndpointRouteBuilder MapGreetingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetGreetingAsync);
        return endpoints;
    }

    /// <summary>
    /// Answers with version, instance and greeting after the latency fault plus the optional <c>work_ms</c> of
    /// simulated work (so tests can keep requests in flight); the error-rate fault turns some answers into 500s.
    /// </summary>
    internal static async Task<Results<Ok<GreetingResponse>, ProblemHttpResult, ValidationProblem>> GetGreetingAsync(
        [FromQuery(Name = "work_ms")] int? workMs,
        HttpResponse response,
        SampleOptions options,
        ErrorDecider errors,
        IVariantFeatureManager features,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        response.Headers[VersionHeader] = options.Version;
        if (workMs is < 0 or > MaxWorkMs)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["work_ms"] = [$"work_ms must be from 0 to {MaxWorkMs}."] });
        }

        var delay = options.Faults.AddedLatency + TimeSpan.FromMilliseconds(workMs ?? 0);
        // A timer may fire a millisecond or two early (it ticks in whole milliseconds); an injected latency is a floor,
        // so the rest is waited out (a full run once answered a 300 ms fault in 298 ms).
        var started = timeProvider.GetTimestamp();
        for (var left = delay; left > TimeSpan.Zero; left = delay - timeProvider.GetElapsedTime(started))
        {
            await Task.Delay(left, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (errors.ShouldFail())
        {
            return TypedResults.Problem(
                title: "Injected fault",
                detail: $"{EnvironmentVariables.FaultErrorRate} is {options.Faults.ErrorRate}.",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        var greeting = await features.IsEnabledAsync(SampleFeatures.NewGreeting, cancellationToken).ConfigureAwait(false)
            ? NewGreeting(options.Greeting)
            : options.Greeting;
        return TypedResults.Ok(new GreetingResponse(options.Version, options.InstanceId, greeting));
    }
}
