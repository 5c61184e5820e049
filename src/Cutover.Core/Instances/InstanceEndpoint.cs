namespace Cutover.Core.Instances;

/// <summary>One running instance of a version: where it listens and which process it is.</summary>
public sealed record InstanceEndpoint(string Id, string Version, string Host, int Port, int ProcessId)
{
    public Uri BaseUri => new($"http://{Host}:{Port}");
}
