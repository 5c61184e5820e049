using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutover.Server.Api;

/// <summary>
/// Strict input for the API (issue 10): JSON bodies with unknown or missing fields are refused, bodies are bounded,
/// and every 400, 413 and 415 is a problem details answer whose <c>detail</c> says what to send instead.
/// </summary>
public static class ApiInput
{
    /// <summary>The largest request body the API reads: its requests are a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>How much of a caller's text an error message repeats.</summary>
    public const int MaxEcho = 80;

    // Alertmanager's webhook batches every firing alert in one body; it keeps Kestrel's own limit.
    private const string NotificationsPath = "/api/v1/notifications";

    public static IServiceCollection AddStrictApiInput(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.RespectRequiredConstructorParameters = true;
            json.SerializerOptions.RespectNullableAnnotations = true;
        });

        // Thrown, not answered, so BadRequestProblems can say which field was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode));
        return services;
    }

    public static IApplicationBuilder UseStrictApiInput(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(NotificationsPath, StringComparison.Ordinal) &&
                context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxBodyBytes;
            }

            return next(context);
        });
        app.UseMiddleware<BadRequestProblems>();
        return app;
    }

    /// <summary>How much of the JSON serializer's message a detail repeats: it names the field, and may quote the caller's text.</summary>
    private const int MaxJsonMessage = 300;

    /// <summary>The caller's text as an error message repeats it: at most <see cref="MaxEcho"/> characters.</summary>
    public static string Echo(string text) => Echo(text, MaxEcho);

    private static string Echo(string text, int most)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= most ? text : $"{text[..most]}… ({text.Length} characters)";
    }

    internal static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "the request is malformed; send JSON with the fields /api/v1/openapi.json describes, and valid query parameters",
        StatusCodes.Status404NotFound => "no such resource; /api/v1/openapi.json lists the API's paths",
        StatusCodes.Status405MethodNotAllowed => "this path does not take that method; /api/v1/openapi.json lists the methods of each path",
        StatusCodes.Status413PayloadTooLarge => $"the body is over {MaxBodyBytes / 1024} KiB; the API's requests are small JSON objects, send only the fields /api/v1/openapi.json describes",
        StatusCodes.Status415UnsupportedMediaType => "send the body as JSON with Content-Type: application/json",
        _ => "see /api/v1/openapi.json for what the API takes",
    };

    /// <summary>What a bad-request exception means for the caller: the JSON problem when there is one, then what to do.</summary>
    internal static string Detail(BadHttpRequestException exception)
    {
        var what = exception.InnerException is JsonException json ? JsonProblem(json) : Echo(exception.Message);
        return $"{what.TrimEnd('.')}. Fix: {DefaultDetail(exception.StatusCode)}";
    }

    // The serializer's message names the field ('version', 'strategyy') past the first 80 characters, so it gets a
    // larger bound than an echo; where it was, in API names ($.version), comes first. Its own "Path: … | LineNumber"
    // suffix repeats that.
    private static string JsonProblem(JsonException json)
    {
        var message = json.Message;
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix > 0)
        {
            message = message[..suffix];
        }

        var at = json.Path is { Length: > 1 } path ? $" at {Echo(path)}" : string.Empty;
        return $"the JSON body does not match{at}: {Echo(message, MaxJsonMessage)}";
    }
}
