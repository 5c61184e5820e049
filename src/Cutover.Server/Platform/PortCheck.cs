using Cutover.Core.Manifest;
using Cutover.Local.Networking;

namespace Cutover.Server.Platform;

/// <summary>Finds listener ports that something else already holds, before anything is started.</summary>
public static class PortCheck
{
    /// <summary>One line per busy port, naming the manifest field that sets it. Fields in <paramref name="ours"/> are held by our own leftovers and skipped.</summary>
    public static IReadOnlyList<string> FindBusy(LocalPortsSpec ports, string manifestPath, IReadOnlySet<string>? ours = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var fields = new (string Field, int Port)[]
        {
            ("production", ports.ProductionPort),
            ("test", ports.TestPort),
            ("haproxyStats", ports.HaproxyStatsPort),
            ("prometheus", ports.PrometheusPort),
            ("alertmanager", ports.AlertmanagerPort),
            ("controlPlane", ports.ControlPlanePort),
        };
        return fields
            .Where(f => ours?.Contains(f.Field) != true && !LoopbackPorts.CanBind(ports.BindAddress, f.Port))
            .Select(f => $"port {f.Port} on {ports.BindAddress} is already in use ({manifestPath}: environments.local.ports.{f.Field}); stop what holds it ('ss -ltnp | grep :{f.Port}') or choose another port")
            .ToList();
    }
}
