namespace Cutover.Server.Platform;

/// <summary>The local platform could not start; the message says what to fix (a port in use, a missing tool, an unhealthy version).</summary>
public sealed class PlatformStartException : Exception
{
    public PlatformStartException()
    {
    }

    public PlatformStartException(string message)
        : base(message)
    {
    }

    public PlatformStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
