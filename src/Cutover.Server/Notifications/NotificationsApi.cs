using System.Text.Json;
using Cutover.Core.Notifications;
using Cutover.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cutover.Server.Notifications;

/// <summary>The file receiver: Alertmanager posts its webhook JSON here and it is appended as one line to the receiver's file.</summary>
public static class NotificationsApi
{
    private static readonly SemaphoreSlim FileGate = new(1, 1);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/notifications/file/{receiver}", AppendAsync);
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AppendAsync(string receiver, HttpRequest request, ControlPlaneOptions options, CancellationToken cancellationToken)
    {
        var spec = options.Manifest.Notifications?.Receivers.FirstOrDefault(r => r.Name == receiver && r.Kind == ReceiverKind.File);
        if (spec is null)
        {
            return TypedResults.Problem(detail: $"no file receiver named '{ApiInput.Echo(receiver)}' in the manifest", statusCode: StatusCodes.Status404NotFound);
        }

        string line;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            line = JsonSerializer.Serialize(body.RootElement) + "\n";
        }
        catch (JsonException exception)
        {
            // Not Alertmanager: malformed JSON is the caller's mistake, a 400, and nothing is appended (issue 10).
            return TypedResults.Problem(
                detail: $"the body is not JSON ({ApiInput.Echo(exception.Message)}); this endpoint takes Alertmanager's webhook JSON",
                statusCode: StatusCodes.Status400BadRequest,
                title: "invalid notification");
        }

        var path = Path.GetFullPath(Path.Combine(options.ManifestDirectory, spec.Path!));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await FileGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            FileGate.Release();
        }

        return TypedResults.NoContent();
    }
}
