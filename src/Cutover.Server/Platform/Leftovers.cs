using System.Net.Sockets;

namespace Cutover.Server.Platform;

/// <summary>
/// HAProxy and Prometheus that an earlier control plane started and did not stop (it was killed). They hold their
/// ports legitimately: HAProxy is adopted and keeps serving, Prometheus is replaced.
/// </summary>
public static class Leftovers
{
    /// <summary>Stops (SIGKILL) every process started with this config file: they keep no state a restart loses.</summary>
    public static async Task StopByConfigFileAsync(string configFile, CancellationToken cancellationToken)
    {
        foreach (var pid in FindByConfigFile(configFile))
        {
            try
            {
                using var leftover = System.Diagnostics.Process.GetProcessById(pid);
                leftover.Kill();
                await leftover.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Exited meanwhile.
            }
        }
    }

    /// <summary>True when HAProxy's admin socket in this state folder answers: our own HAProxy still runs.</summary>
    public static bool HaproxyAnswers(string socketPath)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Pids of processes (Prometheus, Alertmanager) started with this config file on their command line.</summary>
    public static IReadOnlyList<int> FindByConfigFile(string configFile) => FindByArgument($"--config.file={configFile}");

    /// <summary>Pids of processes with exactly this argument on their command line (HAProxy's config path, say).</summary>
    public static IReadOnlyList<int> FindByArgument(string argument)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0').Contains(argument, StringComparer.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone, or not ours to read.
            }
        }

        return found;
    }
}
