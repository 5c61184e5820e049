using System.CommandLine;

namespace Cutover.Cli.Commands;

/// <summary><c>cutover pipeline</c>: the delivery pipeline's stages, run on this machine.</summary>
internal sealed class PipelineCommand : Command
{
    public PipelineCommand()
        : base("pipeline", "Run the delivery pipeline's stages on this machine (as the GitHub workflows do in CI)")
    {
        Subcommands.Add(new PipelineRunCommand());
    }
}
