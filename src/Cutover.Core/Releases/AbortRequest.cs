namespace Cutover.Core.Releases;

/// <summary>Who asked to abort a release and why; saved so that a restarted control plane still rolls it back.</summary>
public sealed record AbortRequest(string Actor, string Reason);
