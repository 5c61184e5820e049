using System.Globalization;

namespace Cutover.Telemetry.Tests;

/// <summary>Reads single samples out of a scrape, by their exact series text (name and labels as exposed).</summary>
internal static class PrometheusScrape
{
    public static double? Value(string exposition, string series)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line.AsSpan(series.Length + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    public static double Required(string exposition, string series) =>
        Value(exposition, series) ?? throw new ShouldAssertException($"No sample '{series}' in:\n{exposition}");
}
