using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover status</c>: the serving version, every instance with its weight and health, and the latest release.</summary>
internal sealed class StatusCommand : Command
{
    public StatusCommand()
        : base("status", "Show versions, instances, traffic weights and the current release")
    {
        Options.Add(CommonOptions.Json);
        SetAction(ExecuteAsync);
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var result = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            return CliContext.Report(result);
        }

        var status = result.Value!;
        if (parseResult.GetValue(CommonOptions.Json))
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(status, ControlPlaneClient.Json)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var console = CliConsole.Out;
        console.MarkupLine($"[bold]{Markup.Escape(status.Service)}[/] ({Markup.Escape(status.Environment)}): serving [bold]{Markup.Escape(status.CurrentVersion ?? "nothing")}[/]"
            + (status.PreviousVersion is null ? string.Empty : $", previous {Markup.Escape(status.PreviousVersion)}"));
        var table = new Table().AddColumns("instance", "version", "port", "pid", "traffic", "health");
        foreach (var i in status.Instances)
        {
            // Health is spelled out, not only coloured, so it reads without colour vision.
            var health = i.Healthy ? "[green]UP[/]" : $"[red]DOWN[/] {Markup.Escape(i.Status)}";
            table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.Version), i.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), i.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i.TrafficPercent:0.#}%", health);
        }

        console.Write(table);
        if (status.Release is { } release)
        {
            var line = release.IsTerminal
                ? ReleaseFollower.Summarize(release)
                : $"RUNNING  {release.Id}: {release.Version} {release.Phase}{(release.Paused ? " (paused)" : string.Empty)}, step {release.StepIndex + 1}/{release.Steps.Count}, {release.NewWeightPercent}% on {release.Version}";
            console.WriteLine(line);
            if (release.Unsaved is { } unsaved)
            {
                console.WriteLine("NOT SAVED  " + unsaved);
            }
        }

        var alarms = await client.ListAlarmsAsync(cancellationToken).ConfigureAwait(false);
        if (alarms.Value is { Count: > 0 } states)
        {
            var alarmTable = new Table().AddColumns("alarm", "version", "state", "severity", "rollback", "why");
            foreach (var a in states)
            {
                // The state is written out in words; colour only repeats it.
                var state = a.State switch { "ALARM" => "[red]ALARM[/]", "OK" => "[green]OK[/]", _ => "[yellow]INSUFFICIENT_DATA[/]" };
                alarmTable.AddRow(Markup.Escape(a.Alarm), Markup.Escape(a.Scope), state, a.Severity, a.Rollback ? "yes" : "no", Markup.Escape(a.Reason.Length > 90 ? a.Reason[..90] + "…" : a.Reason));
            }

            console.Write(alarmTable);
        }

        foreach (var (name, url) in status.Endpoints)
        {
            console.MarkupLine($"  {name,-13} {Markup.Escape(url)}");
        }

        return ExitCodes.Success;
    }
}
