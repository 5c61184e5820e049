using System.Net;
using System.Net.Sockets;

namespace Cutover.Testing;

/// <summary>Loopback ports nobody holds right now, handed out once each within a test run.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>A run of <paramref name="count"/> consecutive free ports, for an instance port range.</summary>
    public static int NextRange(int count)
    {
        lock (Given)
        {
            for (var start = 20000 + Random.Shared.Next(0, 20000); ; start += count)
            {
                var range = Enumerable.Range(start, count).ToList();
                if (range.All(p => !Given.Contains(p) && IsFree(p)))
                {
                    range.ForEach(p => Given.Add(p));
                    return start;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
