using System.CommandLine;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover flags set NAME on|off</c>: switches a flag for every instance through the control plane.</summary>
internal sealed class FlagsSetCommand : Command
{
    private readonly Argument<string> _name = new("name") { Description = "A flag declared under featureFlags in the manifest" };

    private readonly Argument<string> _value = new("value") { Description = "on or off (true/false also work)" };

    public FlagsSetCommand()
        : base("set", "Switch a feature flag on or off for every instance, without a restart (audited)")
    {
        Arguments.Add(_name);
        Arguments.Add(_value);
        SetAction(ExecuteAsync);
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var value = parseResult.GetValue(_value)!;
        bool? enabled = value.ToUpperInvariant() switch
        {
            "ON" or "TRUE" => true,
            "OFF" or "FALSE" => false,
            _ => null,
        };
        if (enabled is null)
        {
            await Console.Error.WriteLineAsync($"error: '{value}' is not on or off").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var client = await CliContext.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        var result = await client.SetFlagAsync(parseResult.GetValue(_name)!, enabled.Value, cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            return CliContext.Report(result);
        }

        var flag = result.Value!;
        var note = flag.Enabled == flag.ManifestValue ? "as in the manifest" : $"the manifest says {FlagsCommand.Describe(flag.ManifestValue)}";
        await Console.Out.WriteLineAsync($"{flag.Name} {FlagsCommand.Describe(flag.Enabled)} ({note}); instances reload it without a restart").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
