using System.ComponentModel;
using System.Diagnostics;

namespace Cutover.Pipelines.Local;

/// <summary>
/// Runs a stage's command to the end: output lines to a callback as they come, the whole output kept (up to a limit)
/// for parsing and for the tail shown on failure, the process tree killed on timeout or cancellation.
/// </summary>
public static class CommandRunner
{
    private const int MaxKeptLines = 5000;

    public static async Task<CommandResult> RunAsync(StageCommand command, Action<string> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(onLine);
        var info = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = command.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            info.Environment[name] = value;
        }

        var lines = new List<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                if (lines.Count == MaxKeptLines)
                {
                    lines.RemoveAt(0);
                }

                lines.Add(line);
            }

            onLine(line);
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new CommandResult(-1, false, ex.Message, []);
        }

        // Nothing to read: a command that asks for input gets end-of-file instead of hanging the pipeline.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        // The parameterless wait also waits for the redirected streams to reach end-of-file, so no line is lost.
        process.WaitForExit();
        lock (lines)
        {
            return new CommandResult(process.ExitCode, timedOut, null, [.. lines]);
        }
    }
}
