using System.Net;
using Cutover.SampleService.Configuration;
using Microsoft.Extensions.Configuration;

namespace Cutover.SampleService.Tests.Configuration;

public sealed class SampleOptionsParserTests
{
    [Fact]
    public void Parse_NothingSet_UsesDefaults()
    {
        var result = Parse([]);

        result.Errors.ShouldBeEmpty();
        result.Options.ShouldBe(new SampleOptions { InstanceId = "host-1" });
        result.Options!.Port.ShouldBe(5000);
        result.Options.Version.ShouldBe("dev");
        result.Options.Greeting.ShouldBe("hello");
        result.Options.MemoryLimitBytes.ShouldBe(512L * 1024 * 1024);
        result.Options.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(15));
        result.Options.ShutdownDelay.ShouldBe(TimeSpan.Zero);
        result.Options.Faults.ShouldBe(new FaultOptions());
    }

    [Fact]
    public void Parse_EverythingSet_ReadsEveryVariable()
    {
        var result = Parse(new()
        {
            [EnvironmentVariables.Port] = "8081",
            [EnvironmentVariables.Version] = "v2",
            [EnvironmentVariables.InstanceId] = "web-3",
            [EnvironmentVariables.Greeting] = "hi",
            [EnvironmentVariables.FaultErrorRate] = "0.25",
            [EnvironmentVariables.FaultLatencyMs] = "300",
            [EnvironmentVariables.FaultMemoryGrowthMbPerSecond] = "2.5",
            [EnvironmentVariables.FaultFailReadiness] = "TRUE",
            [EnvironmentVariables.FaultCrashAtStart] = "1",
            [EnvironmentVariables.FaultSeed] = "-7",
            [EnvironmentVariables.MemoryLimitMb] = "256",
            [EnvironmentVariables.ShutdownTimeoutSeconds] = "30",
            [EnvironmentVariables.ShutdownDelayMs] = "2000",
        });

        result.Errors.ShouldBeEmpty();
        result.Options.ShouldBe(new SampleOptions
        {
            Port = 8081,
            Version = "v2",
            InstanceId = "web-3",
            Greeting = "hi",
            Faults = new FaultOptions
            {
                ErrorRate = 0.25,
                AddedLatency = TimeSpan.FromMilliseconds(300),
                MemoryGrowthMbPerSecond = 2.5,
                FailReadiness = true,
                CrashAtStart = true,
                Seed = -7,
            },
            MemoryLimitBytes = 256L * 1024 * 1024,
            ShutdownTimeout = TimeSpan.FromSeconds(30),
            ShutdownDelay = TimeSpan.FromSeconds(2),
        });
    }

    [Fact]
    public void Parse_SeveralInvalidValues_ReportsEveryOneByVariableName()
    {
        var result = Parse(new()
        {
            [EnvironmentVariables.Port] = "70000",
            [EnvironmentVariables.FaultErrorRate] = "abc",
            [EnvironmentVariables.FaultLatencyMs] = "-1",
            [EnvironmentVariables.FaultFailReadiness] = "maybe",
            [EnvironmentVariables.MemoryLimitMb] = "0",
        });

        result.IsValid.ShouldBeFalse();
        result.Options.ShouldBeNull();
        result.Errors.Count.ShouldBe(5);
        result.Errors[0].ShouldStartWith("PORT ");
        result.Errors[1].ShouldBe("CUTOVER_FAULT_ERROR_RATE must be a number from 0 to 1, but was 'abc'.");
        result.Errors[2].ShouldStartWith("CUTOVER_FAULT_LATENCY_MS ");
        result.Errors[3].ShouldStartWith("CUTOVER_FAULT_FAIL_READINESS ");
        result.Errors[4].ShouldStartWith("CUTOVER_MEMORY_LIMIT_MB ");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("NaN")]
    public void Parse_ErrorRateOutsideZeroToOne_IsInvalid(string rate) =>
        Parse(new() { [EnvironmentVariables.FaultErrorRate] = rate }).Errors.ShouldHaveSingleItem().ShouldStartWith("CUTOVER_FAULT_ERROR_RATE ");

    [Fact]
    public void Parse_DelayNotShorterThanTimeout_IsInvalid() =>
        Parse(new() { [EnvironmentVariables.ShutdownTimeoutSeconds] = "1", [EnvironmentVariables.ShutdownDelayMs] = "1000" })
            .Errors.ShouldHaveSingleItem().ShouldStartWith("CUTOVER_SHUTDOWN_DELAY_MS ");

    [Fact]
    public void Parse_BlankValues_UseDefaults()
    {
        var result = Parse(new() { [EnvironmentVariables.Port] = " ", [EnvironmentVariables.Version] = "" });

        result.Options.ShouldNotBeNull().Port.ShouldBe(5000);
        result.Options.Version.ShouldBe("dev");
    }

    [Fact]
    public void Parse_BindAddressUnset_ListensOnLoopbackOnly()
    {
        Parse([]).Options!.BindAddress.ShouldBe(IPAddress.Loopback);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData(" 10.0.0.5 ")]
    public void Parse_BindAddressSet_ListensThere(string value)
    {
        Parse(new() { [EnvironmentVariables.BindAddress] = value }).Options!.BindAddress.ShouldBe(IPAddress.Parse(value.Trim()));
    }

    [Fact]
    public void Parse_BindAddressNotAnAddress_ReportsTheVariable()
    {
        Parse(new() { [EnvironmentVariables.BindAddress] = "everywhere" }).Errors.ShouldHaveSingleItem()
            .ShouldStartWith("CUTOVER_BIND_ADDRESS must be an IP address");
    }

    private static SampleOptionsResult Parse(Dictionary<string, string?> values) =>
        SampleOptionsParser.Parse(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "host-1");
}
