namespace Cutover.Local.Haproxy;

/// <summary>An occupied server slot found by <see cref="HaproxyRouter.RecoverAsync(Func{string, string?}, CancellationToken)"/>.</summary>
/// <param name="Backend"><c>production</c> or <c>test</c>.</param>
/// <param name="Slot">The server name in the backend, e.g. <c>s3</c>.</param>
/// <param name="Address">The slot's <c>ip:port</c> as HAProxy reports it, e.g. <c>127.0.0.1:18100</c>.</param>
/// <param name="InstanceId">The instance now mapped to the slot; null when the address belongs to no known instance.</param>
/// <param name="Weight">The slot's current weight.</param>
/// <param name="Status">HAProxy's status, e.g. <c>UP</c>, <c>DOWN</c>.</param>
public sealed record HaproxySlot(string Backend, string Slot, string Address, string? InstanceId, int Weight, string Status);
