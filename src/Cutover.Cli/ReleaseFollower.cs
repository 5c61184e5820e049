using System.Globalization;
using Cutover.Core.Releases;
using Cutover.Server.Api;

namespace Cutover.Cli;

/// <summary>
/// Follows a release until it ends: each audit event as it happens and the traffic split, on stderr;
/// a one-line summary on stdout; an exit code that says succeeded, rolled back or failed.
/// </summary>
internal sealed class ReleaseFollower(ControlPlaneClient client, TextWriter progress, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<int> FollowAsync(string releaseId, CancellationToken cancellationToken)
    {
        long lastSequence = 0;
        string? lastSplit = null;
        while (true)
        {
            ApiResult<ReleaseState> release;
            try
            {
                var audit = await client.ListAuditAsync(releaseId, 1000, cancellationToken).ConfigureAwait(false);
                foreach (var entry in (audit.Value ?? []).Where(a => a.Sequence > lastSequence))
                {
                    lastSequence = entry.Sequence;
                    await progress.WriteLineAsync($"{entry.At.ToLocalTime():HH:mm:ss}  {entry.Event,-20} {entry.Detail}  [{entry.Actor}]").ConfigureAwait(false);
                }

                release = await client.GetReleaseAsync(releaseId, cancellationToken).ConfigureAwait(false);
                if (release.Unreachable)
                {
                    await progress.WriteLineAsync($"error: {release.Problem}").ConfigureAwait(false);
                    return ExitCodes.Unreachable;
                }

                if (release.Value is { IsTerminal: false })
                {
                    var status = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                    var split = status.Value is null ? null : DescribeSplit(status.Value);
                    if (split is not null && split != lastSplit)
                    {
                        lastSplit = split;
                        await progress.WriteLineAsync($"          traffic  {split}").ConfigureAwait(false);
                    }
                }

                await Task.Delay(PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await progress.WriteLineAsync($"stopped following; release {releaseId} goes on. 'cutover status' shows it, 'cutover abort' stops it.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (release.Value is { IsTerminal: true } done)
            {
                await output.WriteLineAsync(Summarize(done)).ConfigureAwait(false);
                return done.Phase switch
                {
                    ReleasePhase.Succeeded => ExitCodes.Success,
                    ReleasePhase.RolledBack => ExitCodes.RolledBack,
                    _ => ExitCodes.Failed,
                };
            }
        }
    }

    public static string Summarize(ReleaseState release)
    {
        var took = ((release.EndedAt ?? release.StartedAt) - release.StartedAt).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        var steps = string.Join("→", release.Steps.Select(s => s.Weight + "%"));
        return release.Phase switch
        {
            ReleasePhase.Succeeded => $"SUCCEEDED  {release.Version} serves 100% of production ({release.Strategy} {steps}, {took}s, release {release.Id})",
            ReleasePhase.RolledBack => $"ROLLED BACK  {release.PreviousVersion} serves 100% of production; {release.Version} stopped. Why: {release.Reason} ({took}s, release {release.Id})",
            ReleasePhase.Failed => $"FAILED  {release.Version} was not released; {release.PreviousVersion} still serves production. Why: {release.Reason} ({took}s, release {release.Id})",
            _ => $"{release.Phase.ToString().ToUpperInvariant()}  {release.Version} ({release.Id})",
        };
    }

    /// <summary>"v1 95% (2/2 healthy) | v2 5% (2/2 healthy)".</summary>
    public static string DescribeSplit(StatusResponse status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return string.Join(
            " | ",
            status.Instances
                .GroupBy(i => i.Version)
                .Select(g => $"{g.Key} {g.Sum(i => i.TrafficPercent).ToString("0.#", CultureInfo.InvariantCulture)}% ({g.Count(i => i.Healthy)}/{g.Count()} healthy)"));
    }
}
