using System.Net;
using Cutover.Local.Networking;

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
                var port = LoopbackPorts.FindFree();
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
                if (range.All(p => !Given.Contains(p) && LoopbackPorts.CanBind(IPAddress.Loopback, p)))
                {
                    range.ForEach(p => Given.Add(p));
                    return start;
                }
            }
        }
    }
}
