using System.Collections.Concurrent;

namespace Cutover.SampleService.Metrics;

/// <summary>Renders the labels of every series once per scrape and orders the series by them, so output is stable.</summary>
internal static class SeriesOrder
{
    public static List<(Label[] Labels, TSeries Series)> Sort<TKey, TSeries>(
        ConcurrentDictionary<TKey, TSeries> series,
        Func<TKey, Label[]> labels)
        where TKey : notnull
    {
        var rendered = series.Select(pair => (Labels: labels(pair.Key), Series: pair.Value)).ToList();
        rendered.Sort(static (left, right) => Compare(left.Labels, right.Labels));
        return rendered;
    }

    private static int Compare(Label[] left, Label[] right)
    {
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var byName = string.CompareOrdinal(left[i].Name, right[i].Name);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = string.CompareOrdinal(left[i].Value, right[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
