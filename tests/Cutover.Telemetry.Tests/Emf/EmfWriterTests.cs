using Cutover.Telemetry.Emf;

namespace Cutover.Telemetry.Tests.Emf;

public sealed class EmfWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private readonly EmfWriter _writer = new("Cutover", "orders", "v2", "web-1");

    [Fact]
    public void Format_OkRequest_WritesExactLine()
    {
        var line = _writer.Format(new EmfRequest(Noon, "GET", "/orders/{id}", 200, TimeSpan.FromMilliseconds(12.5), "0af7651916cd43dd8448eb211c80319c"));

        line.ShouldBe(
            """{"_aws":{"Timestamp":1772366400250,"CloudWatchMetrics":[{"Namespace":"Cutover","Dimensions":[["Service","Version"],["Service","Version","Route"]],"Metrics":[{"Name":"Requests","Unit":"Count"},{"Name":"Errors4xx","Unit":"Count"},{"Name":"Errors5xx","Unit":"Count"},{"Name":"Latency","Unit":"Seconds"}]}]},"Service":"orders","Version":"v2","Route":"/orders/{id}","InstanceId":"web-1","Method":"GET","StatusCode":200,"TraceId":"0af7651916cd43dd8448eb211c80319c","Requests":1,"Errors4xx":0,"Errors5xx":0,"Latency":0.0125}""");
    }

    [Theory]
    [InlineData(200, 0, 0)]
    [InlineData(404, 1, 0)]
    [InlineData(503, 0, 1)]
    public void Format_StatusCode_CountsItsClass(int statusCode, int errors4xx, int errors5xx)
    {
        var line = _writer.Format(new EmfRequest(Noon, "GET", "/", statusCode, TimeSpan.Zero, TraceId: null));

        line.ShouldContain($"\"Errors4xx\":{errors4xx},\"Errors5xx\":{errors5xx}");
        line.ShouldNotContain("TraceId");
    }

    [Fact]
    public void Format_AnyRequest_PassesTheSpecificationChecks()
    {
        var line = _writer.Format(new EmfRequest(Noon, "POST", "other", 500, TimeSpan.FromSeconds(2.5), "0af7651916cd43dd8448eb211c80319c"));

        EmfSchema.Violations(line).ShouldBeEmpty();
    }

    [Fact]
    public void Violations_DimensionWithoutMemberAndUnknownUnit_AreReported()
    {
        const string Line = """{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Route"]],"Metrics":[{"Name":"Latency","Unit":"Hours"}]}]},"Latency":"slow"}""";

        EmfSchema.Violations(Line).ShouldBe(
        [
            "dimension 'Route' must be a top-level string member",
            "metric 'Latency' must be a top-level number",
            "metric 'Latency' has a unit CloudWatch does not know: Hours",
        ]);
    }
}
