namespace Cutover.Core.Manifest;

/// <summary>How to build and run the service and how to tell that an instance is healthy.</summary>
public sealed record ServiceSpec
{
    public required string Name { get; init; }

    /// <summary>Optional build command run once before the first start (for example <c>dotnet build</c>).</summary>
    public CommandSpec? Build { get; init; }

    /// <summary>Optional test command, run by the Test stage of <c>cutover pipeline run</c>; it passes by exiting 0.</summary>
    public CommandSpec? Test { get; init; }

    /// <summary>The command that starts one instance. The instance's port arrives in the <c>PORT</c> environment variable.</summary>
    public required CommandSpec Run { get; init; }

    /// <summary>The port the service listens on inside its container (AWS target). Locally each instance gets its own port.</summary>
    public int Port { get; init; } = 8080;

    public HealthCheckSpec HealthCheck { get; init; } = new();

    /// <summary>Instances per version. Default 2.</summary>
    public int Instances { get; init; } = 2;

    /// <summary>The version started by <c>cutover up</c> when nothing has been deployed yet.</summary>
    public required string InitialVersion { get; init; }

    public ShutdownSpec Shutdown { get; init; } = new();
}
