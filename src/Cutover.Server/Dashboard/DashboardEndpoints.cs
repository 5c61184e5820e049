using System.Globalization;
using System.Text.RegularExpressions;
using Cutover.Core.Alarms;
using Cutover.Server.Api;
using Cutover.Server.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;

namespace Cutover.Server.Dashboard;

/// <summary>The handlers behind <see cref="DashboardExtensions.MapDashboard"/>.</summary>
internal static partial class DashboardEndpoints
{
    /// <summary>Only this origin's files and API: the page works offline from the internet, and injected markup could not load anything else.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly TimeSpan DefaultRange = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestRange = TimeSpan.FromHours(24);

    public static IResult Asset(string? path, HttpContext context)
    {
        if (string.IsNullOrEmpty(path) && context.Request.Path.Value?.EndsWith('/') != true)
        {
            return TypedResults.Redirect(DashboardExtensions.PagePath);
        }

        var asset = DashboardAssets.Find(string.IsNullOrEmpty(path) ? "index.html" : path);
        if (asset is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found", detail: $"the dashboard has no file '{path}'; open /dashboard/");
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidated each time (a 304 when unchanged): a new control plane never runs an old page.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }

        return context.Request.Headers.IfNoneMatch.Contains(asset.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    public static ServerSentEventsResult<string> Events(DashboardEventHub hub, IHostApplicationLifetime lifetime, HttpContext context)
    {
        // A stream never ends by itself: end it when the control plane stops, or shutting down waits for every open page.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(stop);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(hub.StreamAsync(stop.Token));
    }

    public static Ok<DashboardInfo> Info(DashboardEventHub hub) => TypedResults.Ok(hub.Info);

    public static async Task<Results<Ok<GoldenSignalsResponse>, ProblemHttpResult>> GoldenSignalsAsync(
        string? version,
        string? range,
        GoldenSignals golden,
        LocalPlatform platform,
        ControlPlaneOptions options,
        CancellationToken cancellationToken)
    {
        var span = DefaultRange;
        if (range is not null && !TryParseRange(range, out span))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "invalid range",
                detail: $"'{range}' is not a range: write seconds, minutes or hours up to 24h, such as 90s, 5m or 1h");
        }

        if (version is not null && string.IsNullOrWhiteSpace(version))
        {
            version = null;
        }

        // Only a declared version reaches PromQL: any other text is refused here, never quoted into a query (issue 10).
        if (version is not null && !options.Manifest.Versions.ContainsKey(version))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "unknown version",
                detail: $"unknown version '{ApiInput.Echo(version)}': {options.Manifest.SourcePath} declares {string.Join(", ", options.Manifest.Versions.Keys)}; leave version out for every version");
        }

        return TypedResults.Ok(await golden.RangeAsync(version, span, platform.Store, cancellationToken).ConfigureAwait(false));
    }

    public static Results<Ok<List<AlarmTransitionResponse>>, ProblemHttpResult> AlarmHistory(AlarmMonitor monitor, int? limit) =>
        QueryLimit.Check(limit, 200, 10_000, out var count) is { } invalid
            ? invalid
            : TypedResults.Ok(monitor.Transitions.TakeLast(count).Select(AlarmViews.Transition).ToList());

    private static bool TryParseRange(string text, out TimeSpan range)
    {
        range = default;
        var match = RangePattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        range = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
        return range >= TimeSpan.FromSeconds(10) && range <= LongestRange;
    }

    [GeneratedRegex("^([0-9]{1,6})(s|m|h)$")]
    private static partial Regex RangePattern();
}
