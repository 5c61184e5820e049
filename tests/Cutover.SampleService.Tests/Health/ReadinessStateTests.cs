using Cutover.SampleService.Health;

namespace Cutover.SampleService.Tests.Health;

public sealed class ReadinessStateTests
{
    [Fact]
    public void Status_BeforeStart_IsStarting() => new ReadinessState(failReadiness: false).Status.ShouldBe(ReadinessState.Starting);

    [Fact]
    public void Status_Started_IsReady()
    {
        var readiness = new ReadinessState(failReadiness: false);

        readiness.MarkStarted();

        readiness.Status.ShouldBe(ReadinessState.Ready);
    }

    [Fact]
    public void MarkStopping_Started_FailsReadinessOnlyFirstCallReportsChange()
    {
        var readiness = new ReadinessState(failReadiness: false);
        readiness.MarkStarted();

        readiness.MarkStopping().ShouldBeTrue();
        readiness.MarkStopping().ShouldBeFalse();

        readiness.Status.ShouldBe(ReadinessState.ShuttingDown);
    }

    [Fact]
    public void Status_ReadinessFault_NeverReady()
    {
        var readiness = new ReadinessState(failReadiness: true);

        readiness.MarkStarted();

        readiness.Status.ShouldBe(ReadinessState.Faulted);
    }
}
