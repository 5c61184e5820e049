using Cutover.Local.Prometheus;
using Cutover.Testing;

namespace Cutover.Local.Tests.Prometheus;

public sealed class PrometheusClientTests
{
    [Fact]
    public async Task QueryAsync_MalformedQuery_ReturnsFailureWithPrometheusErrorText()
    {
        await using var prometheus = await TemporaryPrometheus.StartAsync();

        var result = await prometheus.Client.QueryAsync("sum(rate(demo_requests_total[1m]", null, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.Kind.ShouldBe(PrometheusErrorKind.Api);
        result.Error.ErrorType.ShouldBe("bad_data");
        result.Error.StatusCode.ShouldBe(400);
        result.Error.Message.ShouldContain("parse error");
    }

    [Fact]
    public async Task QueryAsync_ScalarAndVectorExpressions_ReturnTypedValues()
    {
        await using var prometheus = await TemporaryPrometheus.StartAsync();

        var scalar = await prometheus.Client.QueryAsync("1 + 1", null, CancellationToken.None);
        var nan = await prometheus.Client.QueryAsync("0 / 0", null, CancellationToken.None);
        var infinity = await prometheus.Client.QueryAsync("vector(1) / 0", null, CancellationToken.None);
        var vector = await prometheus.Client.QueryAsync("label_replace(vector(3), \"code\", \"200\", \"\", \"\")", null, CancellationToken.None);

        scalar.Succeeded.ShouldBeTrue();
        scalar.Value.ResultType.ShouldBe(PrometheusResultType.Scalar);
        scalar.Value.Samples.ShouldHaveSingleItem().Value.ShouldBe(2);
        double.IsNaN(nan.Value!.Samples.ShouldHaveSingleItem().Value).ShouldBeTrue();
        infinity.Value!.Samples.ShouldHaveSingleItem().Value.ShouldBe(double.PositiveInfinity);
        vector.Value!.ResultType.ShouldBe(PrometheusResultType.Vector);
        vector.Value.Samples.ShouldHaveSingleItem().Labels["code"].ShouldBe("200");
    }

    [Fact]
    public async Task QueryAsync_AtTime_EvaluatesAtThatTime()
    {
        await using var prometheus = await TemporaryPrometheus.StartAsync();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500);

        var result = await prometheus.Client.QueryAsync("time()", at, CancellationToken.None);

        var sample = result.Value!.Samples.ShouldHaveSingleItem();
        sample.Timestamp.ShouldBe(at);
        sample.Value.ShouldBe(1_700_000_000.5);
    }

    [Fact]
    public async Task QueryRangeAsync_TenSecondsAtOneSecondSteps_ReturnsMatrixOfElevenPoints()
    {
        await using var prometheus = await TemporaryPrometheus.StartAsync();
        var end = TimeProvider.System.GetUtcNow();

        var result = await prometheus.Client.QueryRangeAsync("vector(7)", end.AddSeconds(-10), end, TimeSpan.FromSeconds(1), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error?.Message);
        result.Value.ResultType.ShouldBe(PrometheusResultType.Matrix);
        var series = result.Value.Series.ShouldHaveSingleItem();
        series.Points.Count.ShouldBe(11);
        series.Points.ShouldAllBe(p => p.Value == 7);
    }

    [Fact]
    public async Task QueryAsync_NothingListening_ReturnsUnreachableFailure()
    {
        using var httpClient = new HttpClient();
        var client = new PrometheusClient(httpClient, new Uri($"http://127.0.0.1:{FreePorts.Next()}"));

        var result = await client.QueryAsync("up", null, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.Kind.ShouldBe(PrometheusErrorKind.Unreachable);
    }

    [Fact]
    public async Task QueryAsync_NotPrometheus_ReturnsInvalidResponseFailure()
    {
        await using var server = await MetricsServer.StartAsync(1);
        using var httpClient = new HttpClient();
        var client = new PrometheusClient(httpClient, new Uri($"http://127.0.0.1:{server.Port}"));

        var result = await client.QueryAsync("up", null, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.Kind.ShouldBe(PrometheusErrorKind.InvalidResponse);
        result.Error.StatusCode.ShouldBe(404);
    }
}
