namespace Cutover.SampleService.Health;

/// <summary>
/// Probe mode: <c>Cutover.SampleService --probe http://127.0.0.1:8080/health/live</c> sends one GET and exits
/// <see cref="ExitCodes.Success"/> on a 2xx answer within <see cref="Timeout"/>, <see cref="ExitCodes.ProbeFailed"/>
/// otherwise, <see cref="ExitCodes.InvalidConfiguration"/> for a missing or non-HTTP URL. The container's HEALTHCHECK
/// runs it because the chiseled runtime image has no shell and no curl; it starts no web host, so it costs one short
/// process.
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--probe";

    /// <summary>Shorter than the Dockerfile's HEALTHCHECK --timeout, so the probe reports why before it is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Runs the probe when <paramref name="args"/> start with <see cref="Argument"/>; null means run the service.</summary>
    public static async Task<int?> RunIfRequestedAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] != Argument)
        {
            return null;
        }

        if (args.Length != 2 || !Uri.TryCreate(args[1], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"usage: Cutover.SampleService {Argument} http://127.0.0.1:<port>{HealthApi.LivePath}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }

        return await ProbeAsync(uri, Timeout, error, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> ProbeAsync(Uri uri, TimeSpan timeout, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(error);

        // No proxy (an HTTP_PROXY set for the service's own calls must not carry its health check) and no redirects
        // (a health endpoint that redirects is misconfigured, not healthy).
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return ExitCodes.Success;
            }

            await error.WriteLineAsync($"probe: {uri} answered {(int)response.StatusCode}").ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"probe: {uri} failed: {exception.Message}").ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"probe: {uri} did not answer within {timeout.TotalSeconds:0.#} s").ConfigureAwait(false);
        }

        return ExitCodes.ProbeFailed;
    }
}
