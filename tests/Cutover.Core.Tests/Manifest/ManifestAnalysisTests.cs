using Cutover.Core.Alarms;
using Cutover.Core.Analysis;
using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestAnalysisTests
{
    private const string File = "cutover.yaml";

    private const string Minimal = MinimalManifest.Text;

    // Lines 8-9; a test's analysis fields follow from line 10, indented four spaces.
    private const string Analysis = Minimal + """
        release:
          analysis:

        """;

    private const string ValidMetrics = "metrics: [{ name: m, metric: latency, maxRatio: 2 }]";

    // Lines 8-11; a test's metric fields follow from line 12, indented eight spaces.
    private const string OneMetric = Analysis + """
            metrics:
              - name: m

        """;

    [Fact]
    public void Parse_NoAnalysis_AnalysisIsNull()
    {
        var manifest = Valid(Minimal + "release:\n  strategy: canary\n");

        manifest.Release.Analysis.ShouldBeNull();
        Valid(Minimal).Release.Analysis.ShouldBeNull();
    }

    [Fact]
    public void Parse_AnalysisExample_ReadsEveryField()
    {
        var manifest = Valid(Analysis + """
                interval: 4s
                consecutiveFailureLimit: 2
                inconclusiveLimit: 3
                metrics:
                  - name: error-rate
                    metric: errorRate
                    statistic: Average
                    maxIncrease: 0.01
                    maxRatio: 1.5
                    minimumRequests: 20
                  - name: latency-p99
                    metric: latency
                    statistic: p99.9
                    maxRatio: 1.25
            """);

        manifest.Release.Analysis.ShouldBe(new AnalysisSpec
        {
            Interval = TimeSpan.FromSeconds(4),
            ConsecutiveFailureLimit = 2,
            InconclusiveLimit = 3,
            Metrics =
            [
                new AnalysisMetricSpec
                {
                    Name = "error-rate",
                    Metric = BuiltInMetric.ErrorRate,
                    Statistic = AlarmStatistic.Average,
                    MaxIncrease = 0.01,
                    MaxRatio = 1.5,
                    MinimumRequests = 20,
                },
                new AnalysisMetricSpec
                {
                    Name = "latency-p99",
                    Metric = BuiltInMetric.Latency,
                    Statistic = AlarmStatistic.FromPercentile(99.9),
                    MaxRatio = 1.25,
                },
            ],
        });
    }

    [Fact]
    public void Parse_AnalysisWithOnlyMetrics_GetsTheDocumentedDefaults()
    {
        var manifest = Valid(Analysis + """
                metrics:
                  - { name: errors, metric: errorRate, maxIncrease: 0.01 }
                  - { name: latency, metric: latency, maxRatio: 1.5 }
                  - { name: memory, metric: memoryUtilization, maxIncrease: 0.1 }
            """);

        var analysis = manifest.Release.Analysis.ShouldNotBeNull();
        (analysis.Interval, analysis.ConsecutiveFailureLimit, analysis.InconclusiveLimit).ShouldBe((TimeSpan.FromSeconds(4), 2, 3));
        analysis.Metrics.Select(m => m.Statistic.ToString()).ShouldBe(["Average", "p99", "Maximum"]);
        analysis.Metrics.Select(m => (m.MaxIncrease, m.MaxRatio)).ShouldBe([(0.01, null), (null, 1.5), (0.1, null)]);
        analysis.Metrics.ShouldAllBe(m => m.MinimumRequests == 0);
    }

    [Fact]
    public void Parse_AnalysisBesideOtherReleaseFields_ReadsBoth()
    {
        var manifest = Valid(Minimal + """
            release:
              strategy: linear
              analysis:
                metrics: [{ name: errors, metric: errorRate, maxIncrease: 0.01 }]
              bakeTime: 20s
            """);

        manifest.Release.Strategy.ShouldBe(ReleaseStrategyKind.Linear);
        manifest.Release.BakeTime.ShouldBe(TimeSpan.FromSeconds(20));
        manifest.Release.Analysis.ShouldNotBeNull().Metrics.ShouldHaveSingleItem().Name.ShouldBe("errors");
    }

    [Theory]
    [InlineData("metric: errorRate", 11, 9, "maxIncrease", "the metric sets neither maxIncrease nor maxRatio, so it could never fail")]
    [InlineData("metric: latency|maxRatio: 0.5", 13, 19, "maxRatio", "maxRatio 0.5 is below 1, so a canary as good as the baseline would fail")]
    [InlineData("metric: latency|maxRatio: -2", 13, 19, "maxRatio", "maxRatio -2 is below 0")]
    [InlineData("metric: latency|maxRatio: \"1.5\"", 13, 19, "maxRatio", "expected a number, got the quoted text \"1.5\"")]
    [InlineData("metric: latency|maxIncrease: -0.1", 13, 22, "maxIncrease", "maxIncrease -0.1 is below 0")]
    [InlineData("metric: latency|maxIncrease: .inf", 13, 22, "maxIncrease", "expected a number, got \".inf\"")]
    [InlineData("metric: errorRate|maxIncrease: 5", 13, 22, "maxIncrease", "maxIncrease 5 can never be exceeded: errorRate is a share from 0 to 1, not a percentage")]
    [InlineData("metric: memoryUtilization|maxIncrease: 1", 13, 22, "maxIncrease", "maxIncrease 1 can never be exceeded: memoryUtilization is a share from 0 to 1, not a percentage")]
    [InlineData("metric: errorRate|maxIncrease: 0.01|statistic: p99", 14, 20, "statistic", "percentile p99 does not apply to errorRate, which has one value per period rather than one per request")]
    [InlineData("metric: requests|maxRatio: 2|statistic: p50", 14, 20, "statistic", "percentile p50 does not apply to requests, which has one value per period rather than one per request")]
    [InlineData("metric: latency|maxRatio: 2|statistic: P99", 14, 20, "statistic", "unknown statistic \"P99\"")]
    [InlineData("metric: latency|maxRatio: 2|statistic: p101", 14, 20, "statistic", "percentile p101 is above p100")]
    [InlineData("metric: restarts|maxIncrease: 0", 12, 17, "metric", "restarts is not compared with the baseline")]
    [InlineData("metric: errorrate|maxIncrease: 0.01", 12, 17, "metric", "unknown metric \"errorrate\"")]
    [InlineData("metric: [errorRate]|maxIncrease: 0.01", 12, 17, "metric", "expected text, got a list")]
    [InlineData("maxIncrease: 0.01", 11, 9, "metric", "required field \"metric\" is missing")]
    [InlineData("metric: latency|maxRatio: 2|minimumRequests: -1", 14, 26, "minimumRequests", "minimumRequests -1 is outside 0-1000000")]
    [InlineData("metric: latency|maxRatio: 2|minimumRequests: 2.5", 14, 26, "minimumRequests", "expected a whole number, got \"2.5\"")]
    [InlineData("metric: latency|maxRatio: 2|maxRatoi: 3", 14, 9, "maxRatoi", "unknown field \"maxRatoi\"")]
    [InlineData("metric: latency|maxRatio: 2|threshold: 3", 14, 9, "threshold", "unknown field \"threshold\"")]
    public void Parse_InvalidMetric_ReportsOneErrorAtTheField(string fields, int line, int column, string field, string problem)
    {
        var yaml = OneMetric + string.Concat(fields.Split('|').Select(f => $"        {f}\n"));

        var error = SingleError(yaml);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((line, column, $"release.analysis.metrics[0].{field}", problem));
    }

    [Theory]
    [InlineData("metric: errorrate|maxIncrease: 0.01", "did you mean \"errorRate\"? (allowed: requests or errors5xx or errorRate or latency or memoryUtilization or unhealthyInstances)")]
    [InlineData("metric: restarts|maxIncrease: 0", "leave restarts to the crash-loop alarm; compare requests, errors5xx, errorRate, latency, memoryUtilization or unhealthyInstances")]
    [InlineData("metric: errorRate|maxIncrease: 5", "write 0.05 for 5%")]
    [InlineData("metric: errorRate|maxIncrease: 250", "use a number below 1, such as 0.01")]
    [InlineData("metric: latency|maxRatio: 0.5", "use 1 or more, such as 1.5 to fail a canary more than 50% above the baseline")]
    [InlineData("metric: latency|maxRatio: 2|statistic: P99", "did you mean \"p99\"? Percentiles are lowercase, as in CloudWatch")]
    [InlineData("metric: errorRate|maxRatio: 2|statistic: p99", "use Average or Maximum; percentiles apply to latency only")]
    [InlineData("metric: latency|maxRatio: 2|maxRatoi: 3", "did you mean \"maxRatio\"?")]
    [InlineData("metric: latency|maxRatio: 2|minimumRequest: 3", "did you mean \"minimumRequests\"?")]
    [InlineData("metric: latency", "add maxIncrease (fail when canary - baseline is above it) or maxRatio (fail when canary / baseline is above it), such as maxRatio: 1.5")]
    public void Parse_NearMiss_SuggestsTheFix(string fields, string fix)
    {
        var yaml = OneMetric + string.Concat(fields.Split('|').Select(f => $"        {f}\n"));

        SingleError(yaml).Fix.ShouldBe(fix);
    }

    [Theory]
    [InlineData("interval: 500ms|" + ValidMetrics, 10, 15, "interval", "interval 500ms is shorter than 1s")]
    [InlineData("interval: 0s|" + ValidMetrics, 10, 15, "interval", "interval must be greater than 0")]
    [InlineData("interval: 4|" + ValidMetrics, 10, 15, "interval", "duration 4 has no unit")]
    [InlineData("consecutiveFailureLimit: 0|" + ValidMetrics, 10, 30, "consecutiveFailureLimit", "consecutiveFailureLimit 0 is outside 1-1000")]
    [InlineData("inconclusiveLimit: 0|" + ValidMetrics, 10, 24, "inconclusiveLimit", "inconclusiveLimit 0 is outside 1-1000")]
    [InlineData("inconclusiveLimit: 1001|" + ValidMetrics, 10, 24, "inconclusiveLimit", "inconclusiveLimit 1001 is outside 1-1000")]
    [InlineData("intervall: 4s|" + ValidMetrics, 10, 5, "intervall", "unknown field \"intervall\"")]
    [InlineData("metrics: []", 10, 14, "metrics", "metrics is empty")]
    [InlineData("metrics:", 10, 5, "metrics", "metrics is empty")]
    [InlineData("metrics: { name: m }", 10, 14, "metrics", "expected a list, got a mapping")]
    [InlineData("metrics: [~]", 10, 15, "metrics[0]", "the metric is empty")]
    [InlineData("metrics: [errorRate]", 10, 15, "metrics[0]", "expected a mapping, got \"errorRate\"")]
    public void Parse_InvalidAnalysis_ReportsOneErrorAtTheField(string fields, int line, int column, string field, string problem)
    {
        var yaml = Analysis + string.Concat(fields.Split('|').Select(f => $"    {f}\n"));

        var error = SingleError(yaml);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((line, column, $"release.analysis.{field}", problem));
    }

    [Theory]
    [InlineData("release:\n  analysis:\n", 9, 3, "release.analysis.metrics", "required field \"metrics\" is missing")]
    [InlineData("release:\n  analysis: {}\n", 9, 3, "release.analysis.metrics", "required field \"metrics\" is missing")]
    [InlineData("release:\n  analysis: true\n", 9, 13, "release.analysis", "expected a mapping, got \"true\"")]
    [InlineData("release:\n  analysys: {}\n", 9, 3, "release.analysys", "unknown field \"analysys\"")]
    public void Parse_AnalysisSectionShape_ReportsOneError(string release, int line, int column, string field, string problem)
    {
        var error = SingleError(Minimal + release);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((line, column, field, problem));
    }

    [Fact]
    public void Parse_MisspeltAnalysisKey_SuggestsIt()
    {
        SingleError(Minimal + "release:\n  analysys: {}\n").Fix.ShouldBe("did you mean \"analysis\"?");
    }

    [Fact]
    public void Parse_MetricNameUsedTwice_ReportsTheSecondWithTheFirstLine()
    {
        var error = SingleError(Analysis + """
                metrics:
                  - { name: errors, metric: errorRate, maxIncrease: 0.01 }
                  - name: errors
                    metric: errors5xx
                    maxRatio: 2
            """);

        error.ShouldBe(new ManifestError(File, 12, 15, "release.analysis.metrics[1].name", "metric name \"errors\" is used twice (first on line 11)", "give each metric its own name"));
    }

    [Theory]
    [InlineData("Error_Rate", "metric name \"Error_Rate\" may only contain lowercase letters, digits and -", "use \"error-rate\"")]
    [InlineData("\"\"", "the value is blank", "write a value such as error-rate")]
    public void Parse_InvalidMetricName_ReportsIt(string name, string problem, string fix)
    {
        var error = SingleError(Analysis + $"    metrics: [{{ name: {name}, metric: latency, maxRatio: 2 }}]\n");

        (error.Line, error.Field, error.Problem, error.Fix).ShouldBe((10, "release.analysis.metrics[0].name", problem, fix));
    }

    [Fact]
    public void Parse_MetricWithoutName_ReportsItAtTheItem()
    {
        var error = SingleError(Analysis + "    metrics:\n      - metric: latency\n        maxRatio: 2\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((11, 9, "release.analysis.metrics[0].name", "required field \"name\" is missing"));
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryOneWithItsLine()
    {
        var result = ManifestParser.Parse(Analysis + """
                interval: 100ms
                consecutiveFailureLimit: 0
                metrics:
                  - name: errors
                    metric: errorRate
                    maxIncrease: 2
                  - name: slow
                    metric: latency
                  - name: errors
                    metric: memoryUtilization
                    statistic: p99
                    maxRatio: 0.9
            """, File);

        result.Manifest.ShouldBeNull();
        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe(
        [
            (10, "release.analysis.interval"),
            (11, "release.analysis.consecutiveFailureLimit"),
            (15, "release.analysis.metrics[0].maxIncrease"),
            (16, "release.analysis.metrics[1].maxIncrease"),
            (18, "release.analysis.metrics[2].name"),
            (20, "release.analysis.metrics[2].statistic"),
            (21, "release.analysis.metrics[2].maxRatio"),
        ]);
    }

    private static ServiceManifest Valid(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        return result.Manifest;
    }

    private static ManifestError SingleError(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Manifest.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem(string.Join(Environment.NewLine, result.Errors));
    }
}
