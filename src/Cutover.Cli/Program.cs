using System.CommandLine;
using Cutover.Cli;
using Cutover.Cli.Commands;
using Cutover.Core.Releases;

var root = new RootCommand("""
    Cutover: zero-downtime blue/green, canary and linear releases that roll back on their own.

    Exit codes: 0 success, 1 failed, 2 invalid input, 3 rolled back, 4 control plane unreachable, 5 refused.
    """);
root.Options.Add(CommonOptions.File);
root.Options.Add(CommonOptions.Environment_);
root.Options.Add(CommonOptions.Url);
root.Subcommands.Add(new UpCommand(TimeProvider.System));
root.Subcommands.Add(new DownCommand(TimeProvider.System));
root.Subcommands.Add(new DeployCommand());
root.Subcommands.Add(new StatusCommand());
root.Subcommands.Add(new ReleaseControlCommand(ReleaseCommand.Pause, "Hold the current step; its remaining pause waits"));
root.Subcommands.Add(new ReleaseControlCommand(ReleaseCommand.Resume, "Continue a paused release"));
root.Subcommands.Add(new ReleaseControlCommand(ReleaseCommand.Promote, "Approve a release waiting for approval, or skip its remaining steps"));
root.Subcommands.Add(new ReleaseControlCommand(ReleaseCommand.Abort, "Send all traffic back to the current version and stop the new one"));
root.Subcommands.Add(new RollbackCommand());
root.Subcommands.Add(new HistoryCommand());
root.Subcommands.Add(new LogsCommand());
root.Subcommands.Add(new ValidateCommand());
root.Subcommands.Add(new DashboardsCommand());
root.Subcommands.Add(new SynthCommand());
root.Subcommands.Add(new FlagsCommand());
root.Subcommands.Add(new PipelineCommand());
var parseResult = root.Parse(args);
var exitCode = await parseResult.InvokeAsync().ConfigureAwait(false);

// System.CommandLine answers a parse error (a missing argument, a bad value, an unknown command) with 1; docs/cli.md promises 2.
return parseResult.Errors.Count > 0 ? ExitCodes.InvalidInput : exitCode;
