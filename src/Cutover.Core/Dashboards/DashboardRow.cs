namespace Cutover.Core.Dashboards;

/// <summary>One row of a dashboard: an optional heading and widgets side by side on a grid 24 columns wide.</summary>
public sealed record DashboardRow
{
    /// <summary>The grid's width, as in Grafana and CloudWatch dashboards.</summary>
    public const int GridWidth = 24;

    /// <summary>The heading above the row; null for none.</summary>
    public string? Title { get; init; }

    /// <summary>The widgets, left to right; a line that is full wraps to the next.</summary>
    public IReadOnlyList<WidgetSpec> Widgets { get; init; } = [];

    /// <summary>
    /// Each widget's width in grid columns: its own <see cref="WidgetSpec.Width"/>, while widgets without one share what
    /// is left of the row equally (the first ones one column wider when it does not divide: 5, 5, 5, 5, 4), or share a
    /// line of their own when nothing is left. Every renderer lays a row out this way.
    /// </summary>
    public IReadOnlyList<int> LayoutWidths()
    {
        var unsized = Widgets.Count(w => w.Width is null);
        var left = GridWidth - Widgets.Sum(w => w.Width ?? 0);
        var space = unsized > 0 && left < unsized ? GridWidth : left;
        var share = unsized == 0 ? 0 : space / unsized;
        var extra = unsized == 0 ? 0 : space % unsized;
        var widths = new List<int>(Widgets.Count);
        foreach (var widget in Widgets)
        {
            if (widget.Width is { } width)
            {
                widths.Add(width);
                continue;
            }

            var bonus = extra > 0 ? 1 : 0;
            extra -= bonus;
            widths.Add(Math.Max(1, share + bonus));
        }

        return widths;
    }

    /// <summary>Equal when the title and every widget are; the generated equality would compare the list by reference.</summary>
    public bool Equals(DashboardRow? other) => other is not null && Title == other.Title && Widgets.SequenceEqual(other.Widgets);

    public override int GetHashCode() => HashCode.Combine(Title, Widgets.Count);
}
