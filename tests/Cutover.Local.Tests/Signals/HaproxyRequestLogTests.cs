using Cutover.Local.Haproxy;

namespace Cutover.Local.Tests.Signals;

public sealed class HaproxyRequestLogTests
{
    [Theory]
    [InlineData("cutover1 22905 1796297308.063 production s0 127.0.0.1:18777 500 -- 0 0 4 4", 500, true)]
    [InlineData("cutover1 22905 1796297308.063 production s0 127.0.0.1:18777 200 CD 0 0 4 9", 200, true)]
    [InlineData("cutover1 22905 1796297308.063 production s0 127.0.0.1:18777 504 sH 0 0 -1 1004", 504, false)]
    [InlineData("cutover1 22905 1796297308.063 production s1 127.0.0.1:18778 503 SC 0 0 -1 3", 503, false)]
    public void TryParse_ALineOfTheFormat_TellsWhetherTheInstanceSentTheStatus(string line, int status, bool fromInstance)
    {
        HaproxyRequestLog.TryParse(line, out var request).ShouldBeTrue();

        request!.Status.ShouldBe(status);
        request.FromInstance.ShouldBe(fromInstance);
        request.ServerPort.ShouldNotBeNull();
    }

    [Fact]
    public void TryParse_NoServer_HasNoPortAndNoResponseTime()
    {
        HaproxyRequestLog.TryParse("cutover1 22905 1796297308.063 production <NOSRV> -:- 503 SC 0 0 -1 0", out var request).ShouldBeTrue();

        request!.ServerPort.ShouldBeNull();
        request.ResponseMilliseconds.ShouldBeNull();
        request.FromInstance.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_AcceptTimeAndActiveTime_GiveWhenTheRequestEnded()
    {
        HaproxyRequestLog.TryParse("cutover1 1 1796297308.063 test s0 127.0.0.1:1 200 -- 0 0 1500 1507", out var request).ShouldBeTrue();

        request!.EndedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1796297308063 + 1507));
        request.ResponseMilliseconds.ShouldBe(1500);
        request.Backend.ShouldBe("test");
    }

    [Fact]
    public void TryParse_AKeptAliveConnectionAfterAPause_DatesTheRequestAfterTheIdleTime()
    {
        HaproxyRequestLog.TryParse("cutover1 1 1796297308.063 production s0 127.0.0.1:1 200 -- 0 5000 3 4", out var request).ShouldBeTrue();

        request!.EndedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1796297308063 + 5000 + 4));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Server production/s0 is DOWN, reason: Layer4 connection problem")]
    [InlineData("cutover1 22905 1796297308.063 production s0 127.0.0.1:18777 abc -- 0 0 4 4")]
    [InlineData("cutover1 22905 production s0 127.0.0.1:18777 200 -- 4 4")]
    public void TryParse_AnythingElse_IsRefused(string line)
    {
        HaproxyRequestLog.TryParse(line, out _).ShouldBeFalse();
    }
}
