using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Cutover.Local.Haproxy;

/// <summary>
/// HAProxy's runtime API over its unix stats socket, one connection per command (non-interactive mode: HAProxy
/// answers and closes). Replies are checked, never ignored.
/// </summary>
internal sealed partial class HaproxyRuntimeClient(string socketPath, TimeSpan commandTimeout, TimeProvider timeProvider)
{
    private static readonly string[] _errorPrefixes =
    [
        "No such", "Unknown", "Require", "Can't", "Cannot", "Invalid", "Permission denied", "usage:", "Missing", "Empty",
    ];

    /// <summary>Sends a command and returns the raw reply; throws <see cref="HaproxyCommandException"/> when the socket fails.</summary>
    public async Task<string> SendAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);

        // ';' chains commands and a newline ends one: either would smuggle a second command in.
        if (command.AsSpan().IndexOfAny(";\r\n") >= 0)
        {
            throw new ArgumentException($"A runtime API command is a single line without ';': '{command}'.", nameof(command));
        }

        using var timeout = new CancellationTokenSource(commandTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), linked.Token).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, linked.Token).ConfigureAwait(false);
            using var reply = new MemoryStream();
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                reply.Write(buffer, 0, read);
            }

            return Encoding.UTF8.GetString(reply.GetBuffer(), 0, (int)reply.Length);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HaproxyCommandException(command, string.Empty, $"No reply within {commandTimeout.TotalSeconds:0.###} s on {socketPath}.");
        }
        catch (SocketException exception)
        {
            throw new HaproxyCommandException(command, string.Empty, $"The runtime API socket {socketPath} is unreachable: {exception.Message}.", exception);
        }
    }

    /// <summary>Sends a command; the result says whether HAProxy accepted it.</summary>
    public async Task<HaproxyCommandResult> TryExecuteAsync(string command, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        return new HaproxyCommandResult(command, reply.Trim(), IsSuccessReply(command, reply));
    }

    /// <summary>Sends a command; throws <see cref="HaproxyCommandException"/> with the command and reply unless HAProxy accepted it.</summary>
    public async Task ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        var result = await TryExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw result.ToException();
        }
    }

    /// <summary>Server rows of <c>show stat</c>.</summary>
    public async Task<IReadOnlyList<HaproxyServerStat>> ShowServersAsync(CancellationToken cancellationToken)
    {
        // -1 4 -1: every proxy, servers only (type 4), every server.
        const string command = "show stat -1 4 -1";
        var reply = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        return HaproxyStatParser.ParseServers(reply)
            ?? throw new HaproxyCommandException(command, reply.Trim(), $"Expected CSV with a '# pxname,...' header, got: {Shorten(reply)}");
    }

    /// <summary><c>show info</c> as name/value pairs; the process id is <c>Pid</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ShowInfoAsync(CancellationToken cancellationToken)
    {
        const string command = "show info";
        var reply = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in reply.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                info.TryAdd(line[..colon], line[(colon + 2)..].TrimEnd('\r'));
            }
        }

        return info.ContainsKey("Pid")
            ? info
            : throw new HaproxyCommandException(command, reply.Trim(), $"Expected 'Pid: ...' in the reply, got: {Shorten(reply)}");
    }

    /// <summary>
    /// Whether a reply means success. Commands that change state answer nothing on success, except
    /// <c>set server ... addr</c>, which always reports what it changed ("IP changed from ..., no need to change the port
    /// by 'stats socket command'") and reports some errors in the same sentence ("problem converting port"), so its
    /// reply must match the success shape exactly. <c>show</c> commands fail with a known error sentence.
    /// </summary>
    internal static bool IsSuccessReply(string command, string reply)
    {
        var text = reply.Trim();
        if (command.StartsWith("show ", StringComparison.Ordinal) || command.StartsWith("get ", StringComparison.Ordinal))
        {
            return !_errorPrefixes.Any(prefix => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        }

        if (command.StartsWith("set server ", StringComparison.Ordinal) && command.Contains(" addr ", StringComparison.Ordinal))
        {
            return AddressChangeReply().IsMatch(text);
        }

        return text.Length == 0;
    }

    private static string Shorten(string reply) => reply.Length > 200 ? reply[..200] + "..." : reply.Trim();

    [GeneratedRegex(@"^(IP changed from '[^']*' to '[^']*'|no need to change the addr), (port changed from '\d+' to '\d+'|no need to change the port) by '[^']*'$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressChangeReply();
}
