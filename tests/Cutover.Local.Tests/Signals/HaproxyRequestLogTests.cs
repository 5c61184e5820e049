using Cutover.Local.Haproxy;

namespace Cutover.Local.Tests.Signals;

public sealed class HaproxyRequestLogTests
{
    [Theory]
    [InlineData("cutover1 22905 1796297308063412 production s0 127.0.0.1:18777 500 -- 4", 500, true)]
    [InlineData("cutover1 22905 1796297308063412 production s0 127.0.0.1:18777 200 CD 4", 200, true)]
    [InlineData("cutover1 22905 1796297308063412 production s0 127.0.0.1:18777 504 sH -1", 504, false)]
    [InlineData("cutover1 22905 1796297308063412 production s1 127.0.0.1:18778 503 SC -1", 503, false)]
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
        HaproxyRequestLog.TryParse("cutover1 22905 1796297308063412 production <NOSRV> -:- 503 SC -1", out var request).ShouldBeTrue();

        request!.ServerPort.ShouldBeNull();
        request.ResponseMilliseconds.ShouldBeNull();
        request.FromInstance.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_LogDateInMicroseconds_IsWhenTheRequestEnded()
    {
        HaproxyRequestLog.TryParse("cutover1 1 1796297308063412 test s0 127.0.0.1:1 200 -- 1500", out var request).ShouldBeTrue();

        request!.EndedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1796297308063).AddTicks(412 * TimeSpan.TicksPerMicrosecond));
        request.ResponseMilliseconds.ShouldBe(1500);
        request.Backend.ShouldBe("test");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Server production/s0 is DOWN, reason: Layer4 connection problem")]
    [InlineData("cutover1 22905 1796297308063412 production s0 127.0.0.1:18777 abc -- 4")]
    [InlineData("cutover1 22905 production s0 127.0.0.1:18777 200 -- 4")]
    [InlineData("cutover1 22905 1796297308.063 production s0 127.0.0.1:18777 200 -- 0 0 4 4")]
    [InlineData("cutover1 22905 99999999999999999999 production s0 127.0.0.1:18777 200 -- 4")]
    [InlineData("cutover1 22905 999999999999999999 production s0 127.0.0.1:18777 200 -- 4")]
    public void TryParse_AnythingElse_IsRefused(string line)
    {
        HaproxyRequestLog.TryParse(line, out _).ShouldBeFalse();
    }
}
