namespace Cutover.Local.Haproxy;

/// <summary>One server row of <c>show stat</c>.</summary>
/// <param name="Backend">The proxy name (<c>pxname</c>).</param>
/// <param name="Server">The server name (<c>svname</c>), e.g. <c>s0</c>.</param>
/// <param name="Status">HAProxy's status column: <c>UP</c>, <c>UP 1/2</c> (going down), <c>DOWN</c>, <c>DOWN 1/2</c> (going up), <c>MAINT</c>, ...</param>
/// <param name="Weight">The configured (user) weight, also shown while the server is down.</param>
/// <param name="CurrentSessions">Open sessions on this server (<c>scur</c>).</param>
/// <param name="CheckStatus">Last health check result (<c>L7OK</c>, <c>L4CON</c>, <c>INI</c> before the first check); empty in maintenance.</param>
/// <param name="CheckCode">HTTP status of the last check, when there was one.</param>
/// <param name="CheckDescription">Detail of the last check (<c>last_chk</c>), e.g. <c>Connection refused</c>.</param>
/// <param name="Address">The server's <c>ip:port</c>; <see cref="HaproxyLayout.PlaceholderAddress"/> for a free slot.</param>
/// <param name="Responses">HTTP responses for this server since HAProxy started: <c>hrsp_1xx</c> to <c>hrsp_5xx</c> and <c>hrsp_other</c>.</param>
/// <param name="Responses5xx">Of those, the 5xx ones (<c>hrsp_5xx</c>), including the 502/504 HAProxy answers for this server.</param>
internal sealed record HaproxyServerStat(
    string Backend,
    string Server,
    string Status,
    int Weight,
    int CurrentSessions,
    string CheckStatus,
    string CheckCode,
    string CheckDescription,
    string Address,
    long Responses = 0,
    long Responses5xx = 0)
{
    /// <summary>
    /// HAProxy sends traffic to this server when its weight is above 0: <c>UP</c>, or <c>UP n/m</c> (a check just
    /// failed but not yet <c>fall</c> times in a row). <c>DOWN n/m</c> (passing, not yet <c>rise</c> times), <c>DOWN</c>,
    /// <c>MAINT</c>, <c>DRAIN</c> and <c>NOLB</c> are not.
    /// </summary>
    public bool IsUp => Status == "UP" || Status.StartsWith("UP ", StringComparison.Ordinal);

    public bool IsInMaintenance => Status.StartsWith("MAINT", StringComparison.Ordinal);

    public bool HasPlaceholderAddress => Address == HaproxyLayout.PlaceholderAddress;

    /// <summary>The status with the last check's result, for people: <c>DOWN (L4CON Connection refused)</c>.</summary>
    public string Describe()
    {
        if (CheckStatus.Length == 0)
        {
            return Status;
        }

        var detail = CheckCode.Length > 0 ? $"{CheckStatus} {CheckCode}" : CheckStatus;
        return CheckDescription.Length > 0 ? $"{Status} ({detail}: {CheckDescription})" : $"{Status} ({detail})";
    }
}
