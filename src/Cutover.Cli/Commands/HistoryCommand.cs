using System.CommandLine;
using System.Text.Json;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover history</c>: releases, newest first, or one release's audit trail.</summary>
internal sealed class HistoryCommand : Command
{
    private readonly Option<string?> _release = new("--release", "-r") { Description = "Show this release's audit trail" };
    private readonly Option<int> _limit = new("--limit", "-n") { Description = "How many entries", DefaultValueFactory = _ => 20 };
    private readonly Option<bool> _audit = new("--audit", "-a") { Description = "Show the whole audit trail instead of the list of releases" };

    public HistoryCommand()
        : base("history", "List releases, or show the audit trail (what, when, who, why)")
    {
        Options.Add(_release);
        Options.Add(_limit);
        Options.Add(_audit);
        Options.Add(CommonOptions.Json);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var json = parseResult.GetValue(CommonOptions.Json);
        var limit = parseResult.GetValue(_limit);
        if (limit < 1)
        {
            await Console.Error.WriteLineAsync("error: --limit must be at least 1").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var releaseId = parseResult.GetValue(_release);
        if (releaseId is not null || parseResult.GetValue(_audit))
        {
            var audit = await client.ListAuditAsync(releaseId, limit, cancellationToken).ConfigureAwait(false);
            if (!audit.Ok)
            {
                return CliContext.Report(audit);
            }

            // The audit endpoint answers an empty list for an id it has never seen; the release itself says whether it exists.
            if (releaseId is not null && audit.Value!.Count == 0 && await client.GetReleaseAsync(releaseId, cancellationToken).ConfigureAwait(false) is { Ok: false } release)
            {
                return CliContext.Report(release);
            }

            if (json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(audit.Value, ControlPlaneClient.Json)).ConfigureAwait(false);
            }
            else
            {
                foreach (var entry in audit.Value!)
                {
                    await Console.Out.WriteLineAsync($"{entry.At.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {entry.ReleaseId,-28} {entry.Event,-20} {entry.Actor,-24} {entry.Detail}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        }

        var releases = await client.ListReleasesAsync(limit, cancellationToken).ConfigureAwait(false);
        if (!releases.Ok)
        {
            return CliContext.Report(releases);
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(releases.Value, ControlPlaneClient.Json)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var release in releases.Value!)
        {
            await Console.Out.WriteLineAsync($"{release.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {release.Id,-28} {release.Kind,-8} {release.PreviousVersion ?? "-"} → {release.Version,-10} {release.Strategy,-9} {release.Phase,-10} by {release.RequestedBy}{(release.Reason is null ? string.Empty : "  why: " + release.Reason)}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
