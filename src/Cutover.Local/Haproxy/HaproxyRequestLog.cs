using System.Globalization;

namespace Cutover.Local.Haproxy;

/// <summary>
/// One request as HAProxy logs it into the <see cref="HaproxyLayout.RequestRing"/> ring, in <see cref="Format"/>:
/// <c>cutover1 &lt;pid&gt; &lt;accept epoch s.ms&gt; &lt;backend&gt; &lt;server&gt; &lt;ip:port&gt; &lt;status&gt; &lt;termination&gt; &lt;Th&gt; &lt;Ti&gt; &lt;Tr&gt; &lt;Ta&gt;</c>.
/// </summary>
/// <param name="Backend"><c>production</c> or <c>test</c>.</param>
/// <param name="ServerPort">The port of the instance the request went to; null when HAProxy chose none (<c>&lt;NOSRV&gt;</c>).</param>
/// <param name="Status">The status the client got.</param>
/// <param name="Termination">HAProxy's two-letter termination state, <c>--</c> for a normal end.</param>
/// <param name="ResponseMilliseconds">HAProxy's <c>Tr</c>: request sent to the instance until its response headers; null without a response.</param>
/// <param name="EndedAt">
/// When the request ended: accept time plus HAProxy's <c>Th</c>, <c>Ti</c> and <c>Ta</c>. On a kept-alive connection the
/// accept time is the end of the previous request and <c>Ti</c> the idle time since, so <c>Ta</c> alone would date a request
/// after a pause too early (and the follower would skip it as older than its start).
/// </param>
internal sealed record HaproxyRequestLog(string Backend, int? ServerPort, int Status, string Termination, int? ResponseMilliseconds, DateTimeOffset EndedAt)
{
    /// <summary>The <c>log-format</c> of the production and test frontends. The tag and pid make stray lines easy to refuse.</summary>
    public const string Format = "cutover1 %pid %Ts.%ms %b %s %si:%sp %ST %ts %Th %Ti %Tr %Ta";

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
        Span<Range> fields = stackalloc Range[13];
        var count = line.Trim().Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        var text = line.Trim();
        if (count != 12 || !text[fields[0]].SequenceEqual(Tag))
        {
            return false;
        }

        if (!decimal.TryParse(text[fields[2]], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var acceptedSeconds)
            || !int.TryParse(text[fields[6]], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || !int.TryParse(text[fields[8]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var th)
            || !int.TryParse(text[fields[9]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ti)
            || !int.TryParse(text[fields[10]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tr)
            || !int.TryParse(text[fields[11]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ta))
        {
            return false;
        }

        var address = text[fields[5]];
        var colon = address.LastIndexOf(':');
        int? port = colon >= 0 && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && text[fields[4]][0] != '<' ? p : null;
        var accepted = DateTimeOffset.FromUnixTimeMilliseconds((long)(acceptedSeconds * 1000));
        request = new HaproxyRequestLog(
            text[fields[3]].ToString(),
            port,
            status,
            text[fields[7]].ToString(),
            tr >= 0 ? tr : null,
            accepted.AddMilliseconds(Math.Max(th, 0) + Math.Max(ti, 0) + Math.Max(ta, 0)));
        return true;
    }
}
