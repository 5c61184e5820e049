namespace Cutover.Local.Haproxy;

/// <summary>The outcome of <see cref="HaproxyProcess.StartAsync"/>: running, or why not.</summary>
public sealed record HaproxyStartResult
{
    /// <summary>Null when HAProxy runs.</summary>
    public HaproxyStartError? Error { get; init; }

    public bool Started => Error is null;

    /// <summary>
    /// True when a HAProxy left running by an earlier control plane, with the same configuration, was taken over instead
    /// of starting a new one: traffic was never interrupted, and the router should call <c>RecoverAsync</c>.
    /// </summary>
    public bool Adopted { get; init; }

    /// <summary>The HAProxy process id when started or adopted.</summary>
    public int? ProcessId { get; init; }

    /// <summary>What happened, for people: names the port, the binary or the config file as the case may be.</summary>
    public required string Message { get; init; }

    /// <summary>The tail of HAProxy's output that explains a failure; empty on success.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    public static HaproxyStartResult Running(int processId, bool adopted) => new()
    {
        ProcessId = processId,
        Adopted = adopted,
        Message = adopted ? $"adopted the running HAProxy (pid {processId})" : $"started HAProxy (pid {processId})",
    };

    public static HaproxyStartResult Failed(HaproxyStartError error, string message, IReadOnlyList<string>? output = null) =>
        new() { Error = error, Message = message, Output = output ?? [] };
}
