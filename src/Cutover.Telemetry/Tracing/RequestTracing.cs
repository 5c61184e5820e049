using System.Diagnostics;
using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace Cutover.Telemetry.Tracing;

/// <summary>
/// Starts one server span per request that continues the caller's trace: the W3C <c>traceparent</c> and
/// <c>tracestate</c> headers (and <c>baggage</c>) are read with OpenTelemetry's propagators. Span attributes follow
/// the OpenTelemetry HTTP server conventions (the ASP.NET Core instrumentation package is not available here).
/// </summary>
internal sealed class RequestTracing : IDisposable
{
    public const string ActivitySourceName = "Cutover.Telemetry.Http";

    // Explicit rather than Propagators.DefaultTextMapPropagator, which is a no-op until the SDK is first touched.
    private static readonly TextMapPropagator Propagator = new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]);

    private readonly ActivitySource _source = new(
        ActivitySourceName,
        typeof(RequestTracing).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public Activity? StartServerSpan(HttpContext context)
    {
        var propagation = Propagator.Extract(default, context.Request, static (request, name) =>
            request.Headers.TryGetValue(name, out var values) ? values.OfType<string>() : []);
        Baggage.Current = propagation.Baggage;

        // ASP.NET Core's hosting layer has usually made an activity of its own (it does whenever logging is on), which
        // nothing exports. Without an incoming context this span must be a root, not that activity's child, or
        // backends would show it under a parent that never arrives.
        var hostingActivity = Activity.Current;
        if (propagation.ActivityContext == default)
        {
            Activity.Current = null;
        }

        var span = _source.StartActivity(ActivityKind.Server, propagation.ActivityContext, name: context.Request.Method);
        if (span is null)
        {
            Activity.Current = hostingActivity;
            return null;
        }

        if (span.IsAllDataRequested)
        {
            span.SetTag("http.request.method", context.Request.Method);
            span.SetTag("url.scheme", context.Request.Scheme);
            span.SetTag("url.path", context.Request.Path.Value);
            span.SetTag("server.address", context.Request.Host.Host);
            span.SetTag("server.port", context.Request.Host.Port);
            span.SetTag("network.protocol.version", context.Request.Protocol);
        }

        return span;
    }

    /// <summary>Names the span by method and route, as the conventions ask, and marks server errors.</summary>
    public static void Complete(Activity? span, string method, string route, int statusCode)
    {
        if (span is null)
        {
            return;
        }

        span.DisplayName = route == Http.HttpMetrics.OtherRoute ? method : $"{method} {route}";
        if (route != Http.HttpMetrics.OtherRoute)
        {
            span.SetTag("http.route", route);
        }

        span.SetTag("http.response.status_code", statusCode);
        if (statusCode >= StatusCodes.Status500InternalServerError)
        {
            span.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Records the exception on the span; always false, for use as an exception filter that does not catch.</summary>
    public static bool RecordException(Activity? span, Exception exception)
    {
        span?.SetTag("error.type", exception.GetType().FullName);
        span?.SetStatus(ActivityStatusCode.Error, exception.Message);
        return false;
    }

    public void Dispose() => _source.Dispose();
}
