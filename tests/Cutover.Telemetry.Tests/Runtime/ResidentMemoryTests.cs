using Cutover.Telemetry.Runtime;

namespace Cutover.Telemetry.Tests.Runtime;

public sealed class ResidentMemoryTests
{
    [Fact]
    public void TryParseStatm_LinuxFormat_ReturnsResidentPagesTimesPageSize() =>
        ResidentMemory.TryParseStatm("180234 12345 4567 12 0 34567 0\n", 4096).ShouldBe(12345L * 4096);

    [Fact]
    public void TryParseStatm_Garbage_ReturnsNull() => ResidentMemory.TryParseStatm("nonsense", 4096).ShouldBeNull();

    [Fact]
    public void ReadBytes_ThisProcess_IsPositive() => ResidentMemory.ReadBytes().ShouldBeGreaterThan(0);
}
