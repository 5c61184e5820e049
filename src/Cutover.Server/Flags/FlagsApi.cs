using Cutover.Core.Releases;
using Cutover.Local.Flags;
using Cutover.Server.Api;
using Cutover.Server.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cutover.Server.Flags;

/// <summary>
/// <c>/api/v1/flags</c>: the environment's feature flags, switched at run time. A change rewrites the flags file the
/// instances watch, so it takes effect without a restart or a release, and is audited with who made it.
/// </summary>
public static class FlagsApi
{
    /// <summary>Audit entries of flag changes carry this in place of a release id.</summary>
    public const string AuditScope = "flags";

    public static IEndpointRouteBuilder MapFlagsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/flags");
        api.MapGet(string.Empty, (LocalFeatureFlags flags) => TypedResults.Ok(flags.List()));
        api.MapPut("/{name}", SetAsync);
        return app;
    }

    private static async Task<Results<Ok<FeatureFlagStatus>, ProblemHttpResult>> SetAsync(
        string name,
        SetFeatureFlagRequest? request,
        LocalFeatureFlags flags,
        LocalPlatform platform,
        TimeProvider time,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.Problem(detail: "send {\"enabled\": true} or {\"enabled\": false}", statusCode: StatusCodes.Status400BadRequest, title: "missing body");
        }

        var actor = ReleaseApi.Actor(context);
        var before = flags.List().FirstOrDefault(f => f.Name == name);
        var after = await flags.SetAsync(name, request.Enabled, actor, cancellationToken).ConfigureAwait(false);
        if (before is null || after is null)
        {
            var declared = flags.List().Select(f => f.Name).ToList();
            return TypedResults.Problem(
                detail: declared.Count == 0
                    ? $"unknown feature flag '{ApiInput.Echo(name)}': the manifest declares none; add it under featureFlags"
                    : $"unknown feature flag '{ApiInput.Echo(name)}': the manifest declares {string.Join(", ", declared)}",
                statusCode: StatusCodes.Status404NotFound,
                title: "unknown feature flag");
        }

        await platform.Store.AppendAuditAsync(
            new AuditEntry(0, AuditScope, time.GetUtcNow(), actor, "flag.set", $"{name} {OnOff(before.Enabled)} → {OnOff(after.Enabled)} (manifest: {OnOff(after.ManifestValue)})"),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(after);
    }

    private static string OnOff(bool enabled) => enabled ? "on" : "off";
}
