using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Cutover.Core.Dashboards;
using Cutover.Core.Manifest;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover dashboards export [--format grafana|json] [--name golden-signals] [--output file]</c>: renders a dashboard
/// of the manifest. Reads only the manifest; the control plane need not run.
/// </summary>
internal sealed class DashboardsCommand : Command
{
    private const string Grafana = "grafana";
    private const string Json = "json";

    private readonly Option<string> _format = new("--format")
    {
        Description = "grafana: a Grafana dashboard for the local Prometheus; json: Cutover's neutral dashboard JSON",
        DefaultValueFactory = _ => Grafana,
    };

    private readonly Option<string?> _name = new("--name", "-n")
    {
        Description = $"The dashboard to export (default: {DefaultDashboards.GoldenSignalsName}, or the manifest's first)",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write to this file instead of stdout",
    };

    public DashboardsCommand()
        : base("dashboards", "Dashboards as code, from the manifest's dashboards section")
    {
        _format.AcceptOnlyFromAmong(Grafana, Json);
        var export = new Command("export", "Print a dashboard as Grafana JSON or as Cutover's neutral JSON; exit 2 for an invalid manifest or an unknown name");
        export.Options.Add(_format);
        export.Options.Add(_name);
        export.Options.Add(_output);
        export.SetAction(ExportAsync);
        Subcommands.Add(export);
    }

    private async Task<int> ExportAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var manifest = await ManifestFile.LoadAsync(parseResult.GetValue(CommonOptions.File)!, Console.Error, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return ExitCodes.InvalidInput;
        }

        var dashboards = manifest.Dashboards.Effective(manifest.Service.Name);
        if (dashboards.Count == 0)
        {
            await Console.Error.WriteLineAsync($"error: {manifest.SourcePath} has no dashboards: set dashboards.useDefaults: true or add one under dashboards.custom").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var name = parseResult.GetValue(_name);
        var dashboard = name is null
            ? dashboards.FirstOrDefault(d => d.Name == DefaultDashboards.GoldenSignalsName) ?? dashboards[0]
            : dashboards.FirstOrDefault(d => d.Name == name);
        if (dashboard is null)
        {
            await Console.Error.WriteLineAsync($"error: --name {name}: {manifest.SourcePath} has {string.Join(", ", dashboards.Select(d => d.Name))}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var text = parseResult.GetValue(_format) == Json
            ? DashboardJsonRenderer.Render(dashboard, manifest.Service.Name)
            : GrafanaDashboardRenderer.Render(dashboard, new GrafanaOptions { ServiceName = manifest.Service.Name, ControlPlaneUrl = ControlPlaneUrl(parseResult, manifest) });

        var output = parseResult.GetValue(_output);
        if (output is null)
        {
            await Console.Out.WriteLineAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            await File.WriteAllTextAsync(output, text + "\n", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: --output {output}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await Console.Error.WriteLineAsync($"wrote dashboard {dashboard.Name} to {output}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Where Grafana reads alarm states and release markers: --url, CUTOVER_URL, or the local environment's control plane port.</summary>
    private static Uri ControlPlaneUrl(ParseResult parseResult, ServiceManifest manifest)
    {
        if (parseResult.GetValue(CommonOptions.Url) is { } url)
        {
            return url;
        }

        if (Environment.GetEnvironmentVariable("CUTOVER_URL") is { Length: > 0 } fromEnv && Uri.TryCreate(fromEnv, UriKind.Absolute, out var parsed))
        {
            return parsed;
        }

        var name = parseResult.GetValue(CommonOptions.Environment_);
        var environment = name is not null && manifest.Environments.TryGetValue(name, out var named)
            ? named
            : manifest.Environments.Values.FirstOrDefault(e => e.Target == DeploymentTarget.Local);
        var ports = environment?.Local ?? new LocalPortsSpec();
        var host = IPAddress.TryParse(ports.BindAddress, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{ports.BindAddress}]"
            : ports.BindAddress;
        return new Uri($"http://{host}:{ports.ControlPlanePort}/");
    }
}
