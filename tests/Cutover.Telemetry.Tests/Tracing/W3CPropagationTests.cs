using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Cutover.Telemetry.Tests.Tracing;

public sealed class W3CPropagationTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task Request_WithTraceparent_ServerSpanAndHandlerContinueTheCallersTrace()
    {
        await using var app = await TelemetryApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "hello/bob");
        request.Headers.Add("traceparent", $"00-{TraceId}-{CallerSpanId}-01");
        request.Headers.Add("tracestate", "vendor=opaque");

        using var response = await app.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<TelemetryApp.Hello>())!.TraceId.ShouldBe(TraceId);
        var span = await Eventually.FindAsync(() => app.Spans.Spans.SingleOrDefault(), "the server span");
        span.Kind.ShouldBe(ActivityKind.Server);
        span.TraceId.ToHexString().ShouldBe(TraceId);
        span.ParentSpanId.ToHexString().ShouldBe(CallerSpanId);
        span.HasRemoteParent.ShouldBeTrue();
        span.TraceStateString.ShouldBe("vendor=opaque");
        span.DisplayName.ShouldBe("GET /hello/{name}");
        span.GetTagItem("http.route").ShouldBe("/hello/{name}");
        span.GetTagItem("http.response.status_code").ShouldBe(200);
        span.Status.ShouldBe(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task Request_WithoutTraceparent_ServerSpanIsARootOfANewTrace()
    {
        await using var app = await TelemetryApp.StartAsync();

        var hello = await app.Client.GetFromJsonAsync<TelemetryApp.Hello>(new Uri("hello/ann", UriKind.Relative));

        var span = await Eventually.FindAsync(() => app.Spans.Spans.SingleOrDefault(), "the server span");
        span.ParentSpanId.ShouldBe(default);
        span.TraceId.ToHexString().ShouldBe(hello!.TraceId);
    }

    [Fact]
    public async Task Request_HandlerThrows_SpanIsAnErrorWithItsType()
    {
        await using var app = await TelemetryApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("fail", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var span = await Eventually.FindAsync(() => app.Spans.Spans.SingleOrDefault(), "the server span");
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe(typeof(InvalidOperationException).FullName);
        span.GetTagItem("http.response.status_code").ShouldBe(500);
    }
}
