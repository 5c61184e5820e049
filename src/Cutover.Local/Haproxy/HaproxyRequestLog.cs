using System.Globalization;

namespace Cutover.Local.Haproxy;

/// <summary>
/// One request as HAProxy logs it into the <see cref="HaproxyLayout.RequestRing"/> ring, in <see cref="Format"/>:
/// <c>cutover1 &lt;pid&gt; &lt;log date, epoch µs&gt; &lt;backend&gt; &lt;server&gt; &lt;ip:port&gt; &lt;status&gt; &lt;termination&gt; &lt;Tr&gt;</c>.
/// </summary>
/// <param name="Backend"><c>production</c> or <c>test</c>.</param>
/// <param name="ServerPort">The port of the instance the request went to; null when HAProxy chose none (<c>&lt;NOSRV&gt;</c>).</param>
/// <param name="Status">The status the client got.</param>
/// <param name="Termination">HAProxy's two-letter termination state, <c>--</c> for a normal end.</param>
/// <param name="ResponseMilliseconds">HAProxy's <c>Tr</c>: request sent to the instance until its response headers; null without a response.</param>
/// <param name="EndedAt">
/// When HAProxy wrote the line, at the end of the request: <c>%[date(0,us)]</c>, evaluated as the line is built. The
/// accept date plus HAProxy's timers is no end date: <c>%Ts.%ms</c> and every timer are whole milliseconds cut down,
/// so a fast request came out up to 3 ms early, before it was even sent; and on a kept-alive connection under load
/// <c>Ti</c> counted hundreds of milliseconds less idle time than passed (a 300 ms pause was logged as 61 ms). Either
/// way the follower skipped a request sent right after it started as older than its start.
/// </param>
internal sealed record HaproxyRequestLog(string Backend, int? ServerPort, int Status, string Termination, int? ResponseMilliseconds, DateTimeOffset EndedAt)
{
    /// <summary>The <c>log-format</c> of the production and test frontends. The tag and pid make stray lines easy to refuse.</summary>
    public const string Format = "cutover1 %pid %[date(0,us)] %b %s %si:%sp %ST %ts %Tr";

    private const string Tag = "cutover1";

    /// <summary>
    /// True when the instance sent the status itself. HAProxy's termination state says where the session ended: in
    /// the data phase (<c>D</c>, <c>L</c>) or normally (<c>-</c>) means response headers came from the server; while
    /// connecting (<c>C</c>), queued (<c>Q</c>), waiting for headers (<c>H</c>, a timeout or reset: 504/502) or on the
    /// request (<c>R</c>), HAProxy made the status up, as the ALB's <c>HTTPCode_ELB_5XX_Count</c> counts apart.
    /// </summary>
    public bool FromInstance => ServerPort is not null && Termination.Length == 2 && Termination[1] is '-' or 'D' or 'L';

    /// <summary>Parses one line; false for anything that is not a request line of <see cref="Format"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out HaproxyRequestLog? request)
    {
        request = null;
        Span<Range> fields = stackalloc Range[10];
        var text = line.Trim();
        var count = text.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count != 9 || !text[fields[0]].SequenceEqual(Tag))
        {
            return false;
        }

        if (!long.TryParse(text[fields[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var loggedMicroseconds)
            || loggedMicroseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000
            || !int.TryParse(text[fields[6]], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || !int.TryParse(text[fields[8]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tr))
        {
            return false;
        }

        var address = text[fields[5]];
        var colon = address.LastIndexOf(':');
        int? port = colon >= 0 && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && text[fields[4]][0] != '<' ? p : null;
        request = new HaproxyRequestLog(
            text[fields[3]].ToString(),
            port,
            status,
            text[fields[7]].ToString(),
            tr >= 0 ? tr : null,
            DateTimeOffset.UnixEpoch.AddTicks(loggedMicroseconds * TimeSpan.TicksPerMicrosecond));
        return true;
    }
}
