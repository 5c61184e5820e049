using Microsoft.Extensions.Logging;

namespace Cutover.Server.Logs;

/// <summary>Adds the log store as a destination of the control plane's logging, beside the console.</summary>
[ProviderAlias("LogStore")]
internal sealed class ControlPlaneLoggerProvider(ControlPlaneLogSink sink, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ControlPlaneLogger(categoryName, sink, time);

    public void Dispose()
    {
    }
}
