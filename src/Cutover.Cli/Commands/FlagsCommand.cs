using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cutover.Local.Flags;

namespace Cutover.Cli.Commands;

/// <summary>
/// <c>cutover flags</c>: the environment's feature flags as the instances see them; <c>cutover flags set NAME on|off</c>
/// switches one at run time, without a restart or a release (audited).
/// </summary>
internal sealed class FlagsCommand : Command
{
    public FlagsCommand()
        : base("flags", "List the feature flags of the running environment; 'flags set NAME on|off' switches one without a restart")
    {
        Options.Add(CommonOptions.Json);
        Subcommands.Add(new FlagsSetCommand());
        SetAction(ExecuteAsync);
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var result = await client.ListFlagsAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            return CliContext.Report(result);
        }

        if (parseResult.GetValue(CommonOptions.Json))
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result.Value, ControlPlaneClient.Json)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (result.Value!.Count == 0)
        {
            await Console.Error.WriteLineAsync("no feature flags: declare them under featureFlags in the manifest").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var width = Math.Max(4, result.Value.Max(f => f.Name.Length));
        await Console.Out.WriteLineAsync($"{"FLAG".PadRight(width)}  VALUE  MANIFEST  SET BY").ConfigureAwait(false);
        foreach (var flag in result.Value)
        {
            await Console.Out.WriteLineAsync($"{flag.Name.PadRight(width)}  {Describe(flag.Enabled),-5}  {Describe(flag.ManifestValue),-8}  {SetBy(flag)}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    internal static string Describe(bool enabled) => enabled ? "on" : "off";

    private static string SetBy(FeatureFlagStatus flag) =>
        flag.ChangedBy is null ? "-" : $"{flag.ChangedBy} at {flag.ChangedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}";
}
