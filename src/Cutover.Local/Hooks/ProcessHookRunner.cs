using System.Diagnostics;
using System.Text;
using Cutover.Core.Hooks;
using Cutover.Core.Manifest;

namespace Cutover.Local.Hooks;

/// <summary>Runs a hook as a process with <c>CUTOVER_TEST_URL</c> set; exit code 0 passes, a timeout fails.</summary>
public sealed class ProcessHookRunner(string manifestDirectory) : IHookRunner
{
    private const int TailLines = 20;

    public async Task<HookResult> RunAsync(HookSpec hook, Uri testListener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(testListener);
        var command = hook.Command;
        var info = new ProcessStartInfo(command.Command)
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(manifestDirectory, command.WorkingDirectory)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Args)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in command.Env)
        {
            info.Environment[key] = value;
        }

        info.Environment["CUTOVER_TEST_URL"] = testListener.ToString().TrimEnd('/');

        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new HookResult(false, -1, $"could not start '{command.Command}': {ex.Message}");
        }

        using (process)
        {
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(command.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return new HookResult(false, -1, $"timed out after {command.Timeout.TotalSeconds:0.#}s");
            }

            var output = new StringBuilder();
            lock (tail)
            {
                output.AppendJoin(" | ", tail);
            }

            return new HookResult(process.ExitCode == 0, process.ExitCode, output.ToString());
        }
    }
}
