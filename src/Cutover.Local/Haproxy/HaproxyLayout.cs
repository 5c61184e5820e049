using System.Globalization;

namespace Cutover.Local.Haproxy;

/// <summary>Names shared by the generated config, the router and the process host: backends, slots, files.</summary>
internal static class HaproxyLayout
{
    public const string ProductionBackend = "production";

    public const string TestBackend = "test";

    public const string ConfigFileName = "haproxy.cfg";

    /// <summary>HAProxy's own server-state file: the router writes <c>show servers state</c> into it after every change.</summary>
    public const string StateFileName = "haproxy.state";

    /// <summary>A state file with its version line and no servers: what a fresh start loads.</summary>
    public const string EmptyStateFile = "1\n";

    public const string SocketFileName = "haproxy.sock";

    /// <summary>
    /// The in-memory ring the production and test frontends log every request into; the control plane follows it over
    /// the runtime API (<c>show events requests -w</c>) for the golden signals. Nothing touches the disk or a port.
    /// </summary>
    public const string RequestRing = "requests";

    /// <summary>Address of an unused slot. Port 1 on loopback: nothing listens there, and the slot is in maintenance anyway.</summary>
    public const string PlaceholderHost = "127.0.0.1";

    public const int PlaceholderPort = 1;

    public const string PlaceholderAddress = "127.0.0.1:1";

    /// <summary>Weight of a test-listener slot: all test slots are equal.</summary>
    public const int TestWeight = 100;

    /// <summary>The largest weight HAProxy accepts.</summary>
    public const int MaxWeight = Cutover.Core.Routing.TrafficWeights.MaxWeight;

    public static string SlotName(int index) => string.Create(CultureInfo.InvariantCulture, $"s{index}");

    public static string ServerPath(string backend, int slot) => $"{backend}/{SlotName(slot)}";

    public static bool TryParseSlot(string serverName, out int index)
    {
        index = -1;
        return serverName.Length > 1
            && serverName[0] == 's'
            && int.TryParse(serverName.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
