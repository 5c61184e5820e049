using System.Net;
using System.Net.Sockets;

namespace Cutover.Local.Networking;

/// <summary>
/// Whether a listener port can be bound right now, and free loopback ports. Every check binds a listener and
/// releases it at once, so the answer may be stale by the time the port is used.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>True when a listener could bind <paramref name="port"/> on <paramref name="address"/> just now.</summary>
    public static bool CanBind(IPAddress address, int port) => Probe(address, port) == SocketError.Success;

    /// <summary>
    /// True when a listener could bind <paramref name="port"/> on <paramref name="bindAddress"/> just now. An address
    /// that is not an IP address (IPv6 with or without brackets) means loopback.
    /// </summary>
    public static bool CanBind(string bindAddress, int port) =>
        CanBind(IPAddress.TryParse(bindAddress, out var parsed) ? parsed : IPAddress.Loopback, port);

    /// <summary>
    /// <see cref="SocketError.Success"/> when a listener could bind <paramref name="port"/> on
    /// <paramref name="address"/> just now, else why not (<see cref="SocketError.AddressAlreadyInUse"/>,
    /// <see cref="SocketError.AddressNotAvailable"/>, <see cref="SocketError.AccessDenied"/>, ...).
    /// </summary>
    public static SocketError Probe(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return SocketError.Success;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }

    /// <summary>A loopback port the operating system reports free (it binds 127.0.0.1:0); released on return.</summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
