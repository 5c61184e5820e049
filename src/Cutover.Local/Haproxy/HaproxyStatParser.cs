using System.Globalization;
using System.Text;

namespace Cutover.Local.Haproxy;

/// <summary>Parses the CSV of <c>show stat</c>: a header line starting with <c># </c>, then one row per proxy or server.</summary>
internal static class HaproxyStatParser
{
    private static readonly string[] ResponseColumns = ["hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other"];

    /// <summary>The server rows (not FRONTEND or BACKEND); null when <paramref name="csv"/> has no <c># pxname,...</c> header.</summary>
    public static IReadOnlyList<HaproxyServerStat>? ParseServers(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            return null;
        }

        var header = SplitCsv(lines[0][2..]);
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            column.TryAdd(header[i], i);
        }

        if (!column.ContainsKey("pxname") || !column.ContainsKey("svname"))
        {
            return null;
        }

        var servers = new List<HaproxyServerStat>();
        foreach (var line in lines.Skip(1))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(trimmed);
            string Field(string name) => column.TryGetValue(name, out var index) && index < fields.Count ? fields[index] : string.Empty;

            var server = Field("svname");
            if (server is "FRONTEND" or "BACKEND")
            {
                continue;
            }

            servers.Add(new HaproxyServerStat(
                Backend: Field("pxname"),
                Server: server,
                Status: Field("status"),
                Weight: Number(Field("weight")),
                CurrentSessions: Number(Field("scur")),
                CheckStatus: Field("check_status"),
                CheckCode: Field("check_code"),
                CheckDescription: Field("last_chk"),
                Address: Field("addr"),
                Responses: ResponseColumns.Sum(name => Count(Field(name))),
                Responses5xx: Count(Field("hrsp_5xx"))));
        }

        return servers;
    }

    private static long Count(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static int Number(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    /// <summary>Splits one CSV line; HAProxy quotes a field (RFC 4180 style) when it holds a comma or a quote.</summary>
    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
