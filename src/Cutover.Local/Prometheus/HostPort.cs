using System.Globalization;

namespace Cutover.Local.Prometheus;

/// <summary>Formats <c>host:port</c> as Prometheus and URLs expect it: IPv6 literals in brackets.</summary>
internal static class HostPort
{
    public static string Format(string host, int port)
    {
        var bracketed = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        return string.Create(CultureInfo.InvariantCulture, $"{bracketed}:{port}");
    }

    /// <summary>
    /// The address to connect to for something bound to <paramref name="bindAddress"/>: a wildcard bind is reached on loopback.
    /// </summary>
    public static string Connectable(string bindAddress) => bindAddress switch
    {
        "0.0.0.0" or "" => "127.0.0.1",
        "::" or "[::]" => "::1",
        _ => bindAddress,
    };
}
