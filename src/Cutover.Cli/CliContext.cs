using System.CommandLine;
using Cutover.Core.Manifest;

namespace Cutover.Cli;

/// <summary>Resolves the control plane to talk to from the options, and builds the client.</summary>
internal static class CliContext
{
    /// <summary>Who is asking, for the audit trail: the OS user and host.</summary>
    public static string Actor => $"cli:{Environment.UserName}@{Environment.MachineName}";

    public static async Task<ControlPlaneClient?> ConnectAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var url = parseResult.GetValue(CommonOptions.Url);
        if (url is null && Environment.GetEnvironmentVariable("CUTOVER_URL") is { Length: > 0 } fromEnv &&
            !ControlPlaneUrl.TryParse(fromEnv, out url, out var problem))
        {
            await Console.Error.WriteLineAsync($"error: CUTOVER_URL={fromEnv}: {problem}").ConfigureAwait(false);
            return null;
        }

        if (url is null)
        {
            var manifest = await ManifestFile.LoadAsync(parseResult.GetValue(CommonOptions.File)!, Console.Error, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                return null;
            }

            var environment = ManifestFile.LocalEnvironment(manifest, parseResult.GetValue(CommonOptions.Environment_), Console.Error);
            if (environment is null)
            {
                return null;
            }

            var ports = environment.Local ?? new LocalPortsSpec();
            url = new Uri($"http://{ports.BindAddress}:{ports.ControlPlanePort}/");
        }

        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(Server.Api.ReleaseApi.ActorHeader, Actor);
        // A control plane bound beyond loopback asks for this token on every change; never printed.
        if (Environment.GetEnvironmentVariable(Server.Api.ApiAccessOptions.TokenVariable) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Trim());
        }

        return new ControlPlaneClient(http);
    }

    /// <summary>Exit code and message for a failed API call.</summary>
    public static int Report<T>(ApiResult<T> result)
    {
        Console.Error.WriteLine($"error: {result.Problem}");
        return result.Unreachable ? ExitCodes.Unreachable
            : result.StatusCode is 400 or 404 ? ExitCodes.InvalidInput
            : ExitCodes.Refused;
    }
}
