using System.Net;
using Cutover.Local.Networking;

namespace Cutover.Testing;

/// <summary>Loopback ports nobody holds right now, handed out once each within a test run.</summary>
/// <remarks>
/// Drawn below Linux's ephemeral range (32768–60999 by default), never from it: an outgoing connection (a probe, a
/// scrape, HAProxy to a backend) takes its local port from that range, so a port handed out there can be taken
/// before the service the test starts binds it.
/// </remarks>
public static class FreePorts
{
    private const int First = 10000;
    private const int Last = 32000;

    private static readonly HashSet<int> Given = [];

    public static int Next() => NextRange(1);

    /// <summary>A run of <paramref name="count"/> consecutive free ports, for an instance port range.</summary>
    public static int NextRange(int count)
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 10_000; attempt++)
            {
                var start = Random.Shared.Next(First, Last - count + 2);
                var range = Enumerable.Range(start, count).ToList();
                if (range.All(p => !Given.Contains(p) && LoopbackPorts.CanBind(IPAddress.Loopback, p)))
                {
                    range.ForEach(p => Given.Add(p));
                    return start;
                }
            }

            throw new InvalidOperationException($"no {count} consecutive free loopback ports between {First} and {Last}");
        }
    }
}
