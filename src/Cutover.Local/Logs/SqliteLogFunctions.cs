using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Cutover.Local.Logs;

/// <summary>
/// The SQL functions queries need that SQLite lacks: <c>x REGEXP pattern</c> (.NET regex, cached) and the
/// <c>pct(value, percentile)</c> aggregate (nearest rank, as CloudWatch's pct).
/// </summary>
internal static class SqliteLogFunctions
{
    private const int MaxCachedRegexes = 256;
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    public static void Register(SqliteConnection connection)
    {
        // SQLite rewrites "x REGEXP y" as regexp(y, x). A missing field stays null, so no condition on it holds.
        connection.CreateFunction<string, string?, bool?>("regexp", (pattern, input) => input is null ? null : IsMatch(pattern, input), isDeterministic: true);
        connection.CreateAggregate<double?, double, PercentileState?, double?>(
            "pct",
            null,
            (state, value, percentile) =>
            {
                state ??= new PercentileState(percentile);
                if (value is { } v)
                {
                    state.Values.Add(v);
                }

                return state;
            },
            state => state?.Result(),
            isDeterministic: true);
    }

    private static bool IsMatch(string pattern, string input)
    {
        if (!Regexes.TryGetValue(pattern, out var regex))
        {
            if (Regexes.Count >= MaxCachedRegexes)
            {
                Regexes.Clear();
            }

            regex = Regexes.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }

        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern on one line: that line does not match, the query goes on.
            return false;
        }
    }
}
