using System.Net;
using System.Net.Sockets;

namespace Cutover.Local.Tests.Prometheus;

internal static class TestPorts
{
    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int GetFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
