using Cutover.Core.Dashboards;

namespace Cutover.Core.Tests.Dashboards;

public sealed class DashboardRowTests
{
    [Theory]
    [InlineData(new int[0], new int[0])]
    [InlineData(new[] { 0 }, new[] { 24 })]
    [InlineData(new[] { 0, 0, 0 }, new[] { 8, 8, 8 })]
    [InlineData(new[] { 0, 0, 0, 0, 0 }, new[] { 5, 5, 5, 5, 4 })]
    [InlineData(new[] { 16, 0 }, new[] { 16, 8 })]
    [InlineData(new[] { 12, 0, 0 }, new[] { 12, 6, 6 })]
    [InlineData(new[] { 20, 0 }, new[] { 20, 4 })]
    [InlineData(new[] { 24, 0, 0 }, new[] { 24, 12, 12 })]
    [InlineData(new[] { 24, 24 }, new[] { 24, 24 })]
    public void LayoutWidths_SizedAndUnsizedWidgets_ShareTheRow(int[] requested, int[] expected)
    {
        var row = new DashboardRow { Widgets = [.. requested.Select(w => new TextWidgetSpec("x") { Width = w == 0 ? null : w })] };

        row.LayoutWidths().ShouldBe(expected);
    }
}
