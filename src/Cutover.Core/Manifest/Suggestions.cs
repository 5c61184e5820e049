namespace Cutover.Core.Manifest;

/// <summary>"Did you mean" suggestions for misspelt field names and values.</summary>
internal static class Suggestions
{
    private const int MaxDistance = 2;

    /// <summary>The candidate closest to <paramref name="input"/>, ignoring case, if it is at most two edits away.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Case-insensitive optimal string alignment distance: Levenshtein plus swaps of two neighbours,
    /// so the common typo "prot" is one edit from "port", not two.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var x = a.ToUpperInvariant();
        var y = b.ToUpperInvariant();
        var d = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= y.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[x.Length, y.Length];
    }
}
