using Cutover.Core.Dashboards;

namespace Cutover.Core.Tests.Dashboards;

public sealed class DashboardsSpecTests
{
    private static readonly DashboardSpec Checkout = new()
    {
        Name = "checkout",
        Title = "Checkout",
        Rows = [new DashboardRow { Widgets = [new TextWidgetSpec("orders")] }],
    };

    [Fact]
    public void Effective_Defaults_AreTheGoldenSignals()
    {
        new DashboardsSpec().Effective("sample").ShouldBe([DefaultDashboards.GoldenSignals("sample")]);
    }

    [Fact]
    public void Effective_CustomWithADefaultsName_ReplacesItInPlace()
    {
        var own = Checkout with { Name = DefaultDashboards.GoldenSignalsName };

        new DashboardsSpec { Custom = [Checkout, own] }.Effective("sample").ShouldBe([own, Checkout]);
    }

    [Fact]
    public void Effective_UseDefaultsFalse_KeepsOnlyTheCustomOnes()
    {
        new DashboardsSpec { UseDefaults = false, Custom = [Checkout] }.Effective("sample").ShouldBe([Checkout]);
    }

    [Fact]
    public void Equals_SameDashboardsInNewLists_IsTrue()
    {
        new DashboardsSpec { Custom = [Checkout with { }] }.ShouldBe(new DashboardsSpec { Custom = [Checkout] });
    }
}
