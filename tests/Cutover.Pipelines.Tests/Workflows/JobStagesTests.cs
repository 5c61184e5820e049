using Cutover.Pipelines.Workflows;

namespace Cutover.Pipelines.Tests.Workflows;

public sealed class JobStagesTests
{
    [Theory]
    [InlineData("build", PipelineStage.Build)]
    [InlineData("build-image", PipelineStage.Build)]
    [InlineData("test", PipelineStage.Test)]
    [InlineData("scan-secrets", PipelineStage.Scan)]
    [InlineData("staging", PipelineStage.Staging)]
    [InlineData("approval", PipelineStage.Approval)]
    [InlineData("production-primary", PipelineStage.ProductionPrimary)]
    [InlineData("production-secondary-smoke", PipelineStage.ProductionSecondary)]
    public void StageOf_IdStartingWithAStage_ReturnsIt(string id, PipelineStage stage)
    {
        JobStages.StageOf(id).ShouldBe(stage);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("builder")]
    [InlineData("production")]
    [InlineData("Build")]
    public void StageOf_IdNamingNoStage_ReturnsNull(string id)
    {
        JobStages.StageOf(id).ShouldBeNull();
    }

    [Fact]
    public void IdPrefix_EveryStage_IsKebabCase()
    {
        Enum.GetValues<PipelineStage>().Select(JobStages.IdPrefix).ShouldBe(
            ["build", "test", "scan", "staging", "approval", "production-primary", "production-secondary"]);
    }
}
