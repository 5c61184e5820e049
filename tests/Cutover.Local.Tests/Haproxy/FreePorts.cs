using System.Net;
using System.Net.Sockets;

namespace Cutover.Local.Tests.Haproxy;

/// <summary>Loopback ports nothing listens on, found by letting the OS pick one; never the same twice in a test run.</summary>
internal static class FreePorts
{
    private static readonly HashSet<int> _handedOut = [];
    private static readonly Lock _gate = new();

    public static int Next()
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (_gate)
            {
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
