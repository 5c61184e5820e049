using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutover.Server.Api;

/// <summary>
/// Guards <c>/api/</c>: on loopback, refuses requests addressed to a foreign host name (DNS rebinding) and
/// state-changing requests from another origin's web page (cross-site request forgery); bound elsewhere, refuses
/// state-changing calls without the bearer token (<see cref="ApiAccessOptions"/>). Answers are problem details.
/// An accepted call made with the token is audited as <c>"&lt;claimed actor&gt; [token from &lt;address&gt;]"</c>.
/// </summary>
internal sealed partial class ApiAccessMiddleware(RequestDelegate next, ApiAccessOptions access, ILogger<ApiAccessMiddleware> logger)
{
    /// <summary>Alertmanager, started by the control plane on the same machine, posts here (file receiver).</summary>
    private const string LocalWebhookPrefix = "/api/v1/notifications/";

    /// <summary>POSTs that only read (a long query in a body rather than the URL).</summary>
    private static readonly string[] ReadOnlyPosts = ["/api/v1/logs/query"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!access.RequiresToken && !IsLoopbackHost(request.Host.Host))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "foreign host name", $"this control plane listens on loopback and answers only to 127.0.0.1, localhost or [::1], not '{request.Host.Host}'").ConfigureAwait(false);
            return;
        }

        if (!IsStateChanging(request.Method) || ReadOnlyPosts.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (IsCrossOrigin(request))
        {
            LogRefused(logger, request.Method, request.Path, context.Connection.RemoteIpAddress, "cross-origin");
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "cross-origin request", $"a page from {request.Headers.Origin} may not change this control plane; use its own dashboard or the CLI").ConfigureAwait(false);
            return;
        }

        if (access.RequiresToken && !IsLocalWebhook(context))
        {
            if (!access.Accepts(BearerToken(request)))
            {
                LogRefused(logger, request.Method, request.Path, context.Connection.RemoteIpAddress, "no valid token");
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"cutover\"";
                var detail = access.Token is null
                    ? $"this control plane listens on {access.BindAddress}, not loopback, and refuses changes until it is started with {ApiAccessOptions.TokenVariable} set; then send 'Authorization: Bearer <token>'"
                    : $"this control plane listens on {access.BindAddress}: send 'Authorization: Bearer <token>' with the token from {ApiAccessOptions.TokenVariable}";
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "token required", detail).ConfigureAwait(false);
                return;
            }

            // The claimed name is only a claim; the audit trail says it came with the token, and from where.
            var claimed = request.Headers[ReleaseApi.ActorHeader].ToString();
            claimed = string.IsNullOrWhiteSpace(claimed) ? "api" : claimed[..Math.Min(claimed.Length, 60)];
            request.Headers[ReleaseApi.ActorHeader] = $"{claimed} [token from {context.Connection.RemoteIpAddress}]";
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Browsers send Origin on every cross-origin POST; the CLI and scripts send none.</summary>
    private static bool IsCrossOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) ||
            !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLocalWebhook(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(LocalWebhookPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(context.Connection.LocalIpAddress));
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    private static Task RefuseAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Refused {Method} {Path} from {Remote}: {Why}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, IPAddress? remote, string why);
}
