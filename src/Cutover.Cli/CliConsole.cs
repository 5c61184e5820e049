using Spectre.Console;

namespace Cutover.Cli;

/// <summary>
/// The console that tables and markup go through. Colour only on a terminal: when stdout is piped or redirected,
/// or <c>NO_COLOR</c> is set (https://no-color.org), the output is plain text a script can read (issue 10).
/// </summary>
internal static class CliConsole
{
    public static IAnsiConsole Out { get; } = Create();

    private static IAnsiConsole Create()
    {
        var plain = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
    }
}
