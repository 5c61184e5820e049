namespace Cutover.Core.Logs;

/// <summary>Names of log sources that are not service instances.</summary>
public static class LogSources
{
    /// <summary>The <see cref="LogEntry.Instance"/> of the control plane's own lines.</summary>
    public const string ControlPlane = "control-plane";
}
