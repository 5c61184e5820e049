using Cutover.Telemetry.Metrics;

namespace Cutover.Telemetry.Tests.Metrics;

public sealed class LabelSetTests
{
    [Fact]
    public void Equals_SameTagsOtherOrder_IsTrueWithSameHash()
    {
        var first = LabelSet.From([new("code", 200), new("path", "/")]);
        var second = LabelSet.From([new("path", "/"), new("code", "200")]);

        first.ShouldBe(second);
        first.GetHashCode().ShouldBe(second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentValue_IsFalse() =>
        LabelSet.From([new("code", 200)]).ShouldNotBe(LabelSet.From([new("code", 500)]));

    [Fact]
    public void From_ValuesOfEveryKind_AreInvariantText()
    {
        var labels = LabelSet.From([new("ok", true), new("ratio", 0.5), new("none", null), new("dotted.key", "x"), new("ok", false)]);

        labels.Labels.ShouldBe([new Label("ok", "true"), new Label("ratio", "0.5"), new Label("none", ""), new Label("dotted_key", "x")]);
    }

    [Fact]
    public void From_ReservedName_IsDropped() =>
        LabelSet.From([new("le", "1"), new("path", "/")], reserved: "le").Labels.ShouldBe([new Label("path", "/")]);
}
