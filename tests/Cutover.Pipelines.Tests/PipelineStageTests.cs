using Cutover.Pipelines;

namespace Cutover.Pipelines.Tests;

public sealed class PipelineStageTests
{
    [Fact]
    public void Values_InDeclarationOrder_AreTheOrderEveryPipelineRunsThem()
    {
        Enum.GetValues<PipelineStage>().ShouldBe(
        [
            PipelineStage.Build, PipelineStage.Test, PipelineStage.Scan, PipelineStage.Staging,
            PipelineStage.Approval, PipelineStage.ProductionPrimary, PipelineStage.ProductionSecondary,
        ]);
    }
}
