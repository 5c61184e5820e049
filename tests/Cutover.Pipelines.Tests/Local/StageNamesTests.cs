using Cutover.Pipelines.Local;

namespace Cutover.Pipelines.Tests.Local;

public sealed class StageNamesTests
{
    [Fact]
    public void Parse_KebabAndEnumNamesInAnyCase_ReadsEachAndReportsUnknown()
    {
        var stages = StageNames.Parse("build, TEST,production-primary,ProductionSecondary,tset", out var unknown);

        stages.ShouldBe([PipelineStage.Build, PipelineStage.Test, PipelineStage.ProductionPrimary, PipelineStage.ProductionSecondary], ignoreOrder: true);
        unknown.ShouldBe(["tset"]);
    }

    [Fact]
    public void All_ListsTheStagesInPipelineOrder()
    {
        StageNames.All.ShouldBe("build, test, scan, staging, approval, production-primary, production-secondary");
    }
}
