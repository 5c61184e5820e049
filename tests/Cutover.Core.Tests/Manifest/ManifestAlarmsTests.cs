using Cutover.Core.Alarms;
using Cutover.Core.Manifest;
using Cutover.Testing;

namespace Cutover.Core.Tests.Manifest;

public sealed class ManifestAlarmsTests
{
    private const string File = "cutover.yaml";

    private const string Minimal = MinimalManifest.Text;

    // Lines 8-10; a test's rule fields follow from line 11, indented six spaces.
    private const string OneRule = Minimal + """
        alarms:
          rules:
            - name: r

        """;

    [Fact]
    public void Parse_NoAlarmsSection_GetsTheDefaultAlarms()
    {
        var manifest = Valid(Minimal);

        manifest.Alarms.ShouldBe(new AlarmsSpec());
        manifest.Alarms.UseDefaults.ShouldBeTrue();
        manifest.Alarms.Period.ShouldBe(TimeSpan.FromSeconds(2));
        manifest.Alarms.Effective.ShouldBe(DefaultAlarms.Create());
    }

    [Fact]
    public void Parse_AlarmsExample_ReadsEveryFieldAndOverridesTheDefaultByName()
    {
        var manifest = Valid(Minimal + """
            alarms:
              useDefaults: true
              period: 2s
              rules:
                - name: error-rate
                  metric: errorRate
                  statistic: Average
                  period: 2s
                  evaluationPeriods: 3
                  datapointsToAlarm: 2
                  comparison: GreaterThanThreshold
                  threshold: 0.05
                  treatMissingData: notBreaching
                  severity: critical
                  rollback: true
                  description: Too many failures.
                - name: checkout-errors
                  expression: "m1 / m2"
                  metrics:
                    m1: { metric: errors5xx, statistic: Sum }
                    m2: { metric: requests, statistic: Sum }
                  comparison: GreaterThanThreshold
                  threshold: 0.02
            """);

        var errorRate = new AlarmSpec
        {
            Name = "error-rate",
            Metric = new BuiltInAlarmMetric(BuiltInMetric.ErrorRate),
            Statistic = AlarmStatistic.Average,
            Period = TimeSpan.FromSeconds(2),
            EvaluationPeriods = 3,
            DatapointsToAlarm = 2,
            Comparison = AlarmComparison.GreaterThanThreshold,
            Threshold = 0.05,
            TreatMissingData = TreatMissingData.NotBreaching,
            Severity = AlarmSeverity.Critical,
            Rollback = true,
            Description = "Too many failures.",
        };
        var checkout = new AlarmSpec
        {
            Name = "checkout-errors",
            Metric = new ExpressionAlarmMetric("m1 / m2", new Dictionary<string, MetricStat>
            {
                ["m1"] = new(BuiltInMetric.Errors5xx, AlarmStatistic.Sum),
                ["m2"] = new(BuiltInMetric.Requests, AlarmStatistic.Sum),
            }),
            EvaluationPeriods = 3,
            DatapointsToAlarm = 3,
            Comparison = AlarmComparison.GreaterThanThreshold,
            Threshold = 0.02,
        };
        manifest.Alarms.Rules.ShouldBe([errorRate, checkout]);
        manifest.Alarms.Effective.Select(a => a.Name).ShouldBe(["error-rate", "latency-p99", "memory", "unhealthy-instances", "crash-loop", "checkout-errors"]);
        manifest.Alarms.Effective[0].ShouldBe(errorRate);
        manifest.Alarms.Effective.Skip(1).Take(4).ShouldBe(DefaultAlarms.Create().Skip(1));
    }

    [Fact]
    public void Parse_UseDefaultsFalse_EffectiveHoldsOnlyTheRules()
    {
        var manifest = Valid(OneRule + """
                  metric: restarts
                  comparison: GreaterThanThreshold
                  threshold: 3
            alarms2: {}
            """.Replace("alarms2: {}", "  useDefaults: false", StringComparison.Ordinal));

        manifest.Alarms.UseDefaults.ShouldBeFalse();
        manifest.Alarms.Effective.ShouldHaveSingleItem().Name.ShouldBe("r");
    }

    [Fact]
    public void Parse_AlarmsPeriod_AppliesToTheDefaultsAndToRulesWithoutTheirOwn()
    {
        var manifest = Valid(Minimal + """
            alarms:
              period: 10s
              rules:
                - { name: a, metric: requests, comparison: LessThanThreshold, threshold: 1 }
                - { name: b, metric: requests, comparison: LessThanThreshold, threshold: 1, period: 4s }
            """);

        manifest.Alarms.Period.ShouldBe(TimeSpan.FromSeconds(10));
        manifest.Alarms.Effective.Select(a => (a.Name, a.Period.TotalSeconds)).ShouldBe(
        [
            ("error-rate", 10), ("latency-p99", 10), ("memory", 10), ("unhealthy-instances", 10), ("crash-loop", 10), ("a", 10), ("b", 4),
        ]);
    }

    [Fact]
    public void Parse_RuleWithOnlyRequiredFields_GetsDocumentedDefaults()
    {
        var manifest = Valid(Minimal + """
            alarms:
              rules:
                - { name: slow, metric: latency, comparison: GreaterThanThreshold, threshold: 1 }
                - { name: errors, metric: errors5xx, comparison: GreaterThanThreshold, threshold: 10, evaluationPeriods: 5 }
                - { name: warn, metric: memoryUtilization, comparison: GreaterThanThreshold, threshold: 0.6, severity: warning }
                - { name: info, metric: requests, comparison: LessThanThreshold, threshold: 1, severity: info, rollback: true }
                - { name: raw, promql: "max(up)", statistic: p90, comparison: LessThanThreshold, threshold: 1 }
            """);

        var rules = manifest.Alarms.Rules;
        rules.Select(r => r.Statistic.ToString()).ShouldBe(["p99", "Sum", "Maximum", "Sum", "p90"]);
        rules.Select(r => (r.EvaluationPeriods, r.DatapointsToAlarm)).ShouldBe([(3, 3), (5, 5), (3, 3), (3, 3), (3, 3)]);
        rules.Select(r => (r.Severity, r.Rollback)).ShouldBe(
        [
            (AlarmSeverity.Critical, true), (AlarmSeverity.Critical, true), (AlarmSeverity.Warning, false), (AlarmSeverity.Info, true), (AlarmSeverity.Critical, true),
        ]);
        rules.ShouldAllBe(r => r.TreatMissingData == TreatMissingData.Missing && r.Period == TimeSpan.FromSeconds(2) && r.Description == "");
        rules[4].Metric.ShouldBe(new PromQlAlarmMetric("max(up)"));
    }

    [Fact]
    public void Parse_LatencyPercentileInsideAnExpression_IsAccepted()
    {
        var manifest = Valid(OneRule + """
                  expression: "slow - fast"
                  metrics:
                    slow: { metric: latency, statistic: p99.9 }
                    fast: { metric: latency }
                  comparison: GreaterThanThreshold
                  threshold: 1
            """);

        var metric = manifest.Alarms.Rules[0].Metric.ShouldBeOfType<ExpressionAlarmMetric>();
        metric.Metrics["slow"].Statistic.ToString().ShouldBe("p99.9");
        metric.Metrics["fast"].Statistic.ToString().ShouldBe("p99");
    }

    [Theory]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 5", 13, 18, "threshold", "threshold 5 is outside 0-1, the range of errorRate (a share, not a percentage)")]
    [InlineData("metric: memoryUtilization|comparison: LessThanThreshold|threshold: -0.5", 13, 18, "threshold", "threshold -0.5 is outside 0-1, the range of memoryUtilization (a share, not a percentage)")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: .inf", 13, 18, "threshold", "threshold .inf is not a finite number")]
    [InlineData("metric: latency|comparison: GreaterThanThreshold|threshold: Infinity", 13, 18, "threshold", "threshold Infinity is not a finite number")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: \"0.5\"", 13, 18, "threshold", "expected a number, got the quoted text \"0.5\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: high", 13, 18, "threshold", "expected a number, got \"high\"")]
    [InlineData("metric: errorrate|comparison: GreaterThanThreshold|threshold: 0.5", 11, 15, "metric", "unknown metric \"errorrate\"")]
    [InlineData("metric: errorRate|comparison: GreaterThan|threshold: 0.5", 12, 19, "comparison", "unknown comparison \"GreaterThan\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|datapointsToAlarm: 4", 14, 26, "datapointsToAlarm", "datapointsToAlarm 4 is more than evaluationPeriods (3, the default)")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|evaluationPeriods: 2|datapointsToAlarm: 3", 15, 26, "datapointsToAlarm", "datapointsToAlarm 3 is more than evaluationPeriods (2)")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|evaluationPeriods: 0", 14, 26, "evaluationPeriods", "evaluationPeriods 0 is outside 1-86400")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|evaluationPeriods: 50000", 14, 26, "evaluationPeriods", "50000 periods of 2s span 27.8h, more than CloudWatch's limit of 1 day")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|period: 500ms", 14, 15, "period", "period 500ms is shorter than 1s")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|period: 1500ms", 14, 15, "period", "period 1500ms is not a whole number of seconds")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|period: 0s", 14, 15, "period", "period must be greater than 0")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|period: 25h", 14, 15, "period", "period 25h is longer than 1 day")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|period: 2", 14, 15, "period", "duration 2 has no unit")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|statistic: p99", 14, 18, "statistic", "percentile p99 does not apply to errorRate, which has one value per period rather than one per request")]
    [InlineData("metric: latency|comparison: GreaterThanThreshold|threshold: 0.5|statistic: P99", 14, 18, "statistic", "unknown statistic \"P99\"")]
    [InlineData("metric: latency|comparison: GreaterThanThreshold|threshold: 0.5|statistic: p101", 14, 18, "statistic", "percentile p101 is above p100")]
    [InlineData("metric: latency|comparison: GreaterThanThreshold|threshold: 0.5|statistic: p99.999", 14, 18, "statistic", "percentile p99.999 has more than two decimals")]
    [InlineData("metric: latency|comparison: GreaterThanThreshold|threshold: 0.5|statistic: average", 14, 18, "statistic", "unknown statistic \"average\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|treatMissingData: notbreaching", 14, 25, "treatMissingData", "unknown treatMissingData \"notbreaching\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|severity: high", 14, 17, "severity", "unknown severity \"high\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|rollback: yes", 14, 17, "rollback", "expected true or false, got \"yes\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|description: [a]", 14, 20, "description", "expected text, got a list")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|treshold: 1", 14, 7, "treshold", "unknown field \"treshold\"")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|promql: up", 14, 7, "promql", "promql is set as well as metric; a rule has exactly one of metric, expression, logMetric and promql")]
    [InlineData("metric: errorRate|comparison: GreaterThanThreshold|threshold: 0.5|metrics: { m1: { metric: requests } }", 14, 7, "metrics", "metrics is only used with expression")]
    [InlineData("comparison: GreaterThanThreshold|threshold: 0.5", 10, 7, "metric", "the rule names no metric")]
    [InlineData("expression: \"m1 / m3\"|metrics: { m1: { metric: errors5xx }, m2: { metric: requests } }|comparison: GreaterThanThreshold|threshold: 0.5", 11, 25, "expression", "unknown metric id \"m3\" at position 6")]
    [InlineData("expression: m2 * m3|metrics: { m1: { metric: errors5xx }, m2: { metric: requests } }|comparison: GreaterThanThreshold|threshold: 0.5", 11, 24, "expression", "unknown metric id \"m3\" at position 6")]
    [InlineData("expression: 'm1 /'|metrics: { m1: { metric: errors5xx } }|comparison: GreaterThanThreshold|threshold: 0.5", 11, 24, "expression", "the expression ends at position 5 where a number, a metric id or ( is expected")]
    [InlineData("expression: \"(m1\"|metrics: { m1: { metric: errors5xx } }|comparison: GreaterThanThreshold|threshold: 0.5", 11, 20, "expression", "the ( at position 1 is never closed")]
    [InlineData("expression: \"2 * 3\"|metrics: { m1: { metric: errors5xx } }|comparison: GreaterThanThreshold|threshold: 0.5", 11, 19, "expression", "the expression uses no metric")]
    [InlineData("expression: m1|comparison: GreaterThanThreshold|threshold: 0.5", 11, 7, "metrics", "expression needs metrics: what its ids stand for")]
    [InlineData("expression: m1|metrics: {}|comparison: GreaterThanThreshold|threshold: 0.5", 12, 16, "metrics", "metrics is empty")]
    [InlineData("expression: m1 / m1|metrics: { m1: { metric: errors5xx }, m2: { metric: requests } }|comparison: GreaterThanThreshold|threshold: 0.5", 12, 45, "metrics.m2", "metric m2 is declared but the expression does not use it")]
    [InlineData("expression: M1|metrics: { M1: { metric: errors5xx } }|comparison: GreaterThanThreshold|threshold: 0.5", 12, 18, "metrics.M1", "metric id \"M1\" must start with a lowercase letter and hold only letters, digits and _")]
    [InlineData("expression: m1|metrics: { m1: { metric: requests, statistic: p99 } }|comparison: GreaterThanThreshold|threshold: 0.5", 12, 53, "metrics.m1.statistic", "percentile p99 does not apply to requests, which has one value per period rather than one per request")]
    [InlineData("expression: m1|metrics: { m1: { statistic: Sum } }|comparison: GreaterThanThreshold|threshold: 0.5", 12, 18, "metrics.m1.metric", "required field \"metric\" is missing")]
    [InlineData("expression: m1|metrics: { m1: { metric: requests, stat: Sum } }|comparison: GreaterThanThreshold|threshold: 0.5", 12, 42, "metrics.m1.stat", "unknown field \"stat\"")]
    [InlineData("expression: m1|statistic: Sum|metrics: { m1: { metric: requests } }|comparison: GreaterThanThreshold|threshold: 0.5", 12, 7, "statistic", "statistic does not apply to an expression")]
    [InlineData("promql: \"\"|comparison: GreaterThanThreshold|threshold: 0.5", 11, 15, "promql", "the value is blank")]
    public void Parse_InvalidRule_ReportsOneErrorAtTheField(string fields, int line, int column, string field, string problem)
    {
        var yaml = OneRule + string.Concat(fields.Split('|').Select(f => $"      {f}\n"));

        var error = SingleError(yaml);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((line, column, $"alarms.rules[0].{field}", problem));
    }

    [Theory]
    [InlineData("metric: errorrate", "did you mean \"errorRate\"? (allowed: requests or errors5xx or errorRate or latency or memoryUtilization or unhealthyInstances or restarts)")]
    [InlineData("statistic: P99", "did you mean \"p99\"? Percentiles are lowercase, as in CloudWatch")]
    [InlineData("statistic: average", "did you mean \"Average\"?")]
    [InlineData("treatMissingData: notbreaching", "did you mean \"notBreaching\"? (allowed: missing or notBreaching or breaching or ignore)")]
    [InlineData("treshold: 1", "did you mean \"threshold\"?")]
    [InlineData("period: 1500ms", "use whole seconds, such as 2s")]
    [InlineData("datapointsToAlarm: 4", "use a number from 1 to 3, or raise evaluationPeriods: an alarm needs M breaching datapoints out of the last N")]
    public void Parse_NearMiss_SuggestsTheFix(string line, string fix)
    {
        var fields = line.StartsWith("metric:", StringComparison.Ordinal)
            ? $"{line}|comparison: GreaterThanThreshold|threshold: 0.5"
            : $"metric: latency|comparison: GreaterThanThreshold|threshold: 0.5|{line}";
        var yaml = OneRule + string.Concat(fields.Split('|').Select(f => $"      {f}\n"));

        SingleError(yaml).Fix.ShouldBe(fix);
    }

    [Fact]
    public void Parse_ThresholdAsPercentage_SuggestsTheShare()
    {
        var error = SingleError(OneRule + "      metric: errorRate\n      comparison: GreaterThanThreshold\n      threshold: 5\n");

        error.Fix.ShouldBe("write 0.05 for 5%");
    }

    [Fact]
    public void Parse_ExpressionWithUnknownId_SuggestsTheClosestId()
    {
        var error = SingleError(OneRule + """
                  expression: "errors / requets"
                  metrics:
                    errors: { metric: errors5xx }
                    requests: { metric: requests }
                  comparison: GreaterThanThreshold
                  threshold: 0.5
            """);

        error.ShouldBe(new ManifestError(File, 11, 29, "alarms.rules[0].expression", "unknown metric id \"requets\" at position 10", "did you mean \"requests\"?"));
    }

    [Fact]
    public void Parse_MetricAndExpressionAndPromQl_ReportsEachExtraSource()
    {
        var result = ManifestParser.Parse(OneRule + """
                  promql: up
                  metric: latency
                  expression: m1
                  comparison: GreaterThanThreshold
                  threshold: 1
            """, File);

        result.Errors.Select(e => (e.Line, e.Field, e.Problem)).ShouldBe(
        [
            (12, "alarms.rules[0].metric", "metric is set as well as promql; a rule has exactly one of metric, expression, logMetric and promql"),
            (13, "alarms.rules[0].expression", "expression is set as well as promql; a rule has exactly one of metric, expression, logMetric and promql"),
        ]);
    }

    [Fact]
    public void Parse_LogMetricRule_CountsTheMetricFiltersMetricWithSum()
    {
        var manifest = Valid(Minimal + """
            alarms:
              rules:
                - name: checkout-failing
                  logMetric: CheckoutFailures
                  comparison: GreaterThanThreshold
                  threshold: 5
            logs:
              metricFilters:
                - name: checkout-failures
                  pattern: '"checkout failed"'
                  metricName: CheckoutFailures
            """);

        var rule = manifest.Alarms.Rules.ShouldHaveSingleItem();
        rule.Metric.ShouldBe(new LogAlarmMetric("CheckoutFailures"));
        rule.Statistic.ShouldBe(AlarmStatistic.Sum);
    }

    [Fact]
    public void Parse_LogMetricNoFilterCounts_SuggestsTheDeclaredOne()
    {
        var error = SingleError(OneRule + """
                  logMetric: CheckoutFailure
                  comparison: GreaterThanThreshold
                  threshold: 5
            logs:
              metricFilters:
                - name: checkout-failures
                  pattern: '"checkout failed"'
                  metricName: CheckoutFailures
            """);

        error.ShouldBe(new ManifestError(File, 11, 18, "alarms.rules[0].logMetric", "no metric filter under logs.metricFilters counts \"CheckoutFailure\"", "did you mean \"CheckoutFailures\"?"));
    }

    [Fact]
    public void Parse_LogMetricWithoutAnyFilter_ShowsHowToDeclareOne()
    {
        var error = SingleError(OneRule + """
                  logMetric: CheckoutFailures
                  comparison: GreaterThanThreshold
                  threshold: 5
            """);

        error.Field.ShouldBe("alarms.rules[0].logMetric");
        error.Fix.ShouldStartWith("declare one, such as logs: { metricFilters: [{ name: checkout-failures");
    }

    [Fact]
    public void Parse_LogMetricWithAverage_IsRefused()
    {
        var error = SingleError(OneRule + """
                  logMetric: CheckoutFailures
                  statistic: Average
                  comparison: GreaterThanThreshold
                  threshold: 5
            logs:
              metricFilters:
                - { name: checkout-failures, pattern: '"checkout failed"', metricName: CheckoutFailures }
            """);

        error.ShouldBe(new ManifestError(File, 12, 18, "alarms.rules[0].statistic", "statistic Average does not apply to a log metric, which counts matching lines per period", "delete statistic, or use Sum"));
    }

    [Fact]
    public void Parse_RuleWithoutComparisonAndThreshold_ReportsBothAtTheRule()
    {
        var result = ManifestParser.Parse(OneRule + "      metric: latency\n", File);

        result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Problem)).ShouldBe(
        [
            (10, 7, "alarms.rules[0].comparison", "required field \"comparison\" is missing"),
            (10, 7, "alarms.rules[0].threshold", "required field \"threshold\" is missing"),
        ]);
    }

    [Fact]
    public void Parse_DuplicateRuleName_ReportsTheSecondWithTheFirstLine()
    {
        var error = SingleError(Minimal + """
            alarms:
              rules:
                - { name: slow, metric: latency, comparison: GreaterThanThreshold, threshold: 1 }
                - { name: slow, metric: latency, comparison: GreaterThanThreshold, threshold: 2 }
            """);

        error.ShouldBe(new ManifestError(
            File, 11, 15, "alarms.rules[1].name", "alarm name \"slow\" is used twice (first on line 10)", "give each rule its own name; to replace a default alarm, use its name once"));
    }

    [Theory]
    [InlineData("Error_Rate", "alarm name \"Error_Rate\" may only contain lowercase letters, digits and -", "use \"error-rate\"")]
    [InlineData("\"\"", "the value is blank", "write a value such as checkout-errors")]
    public void Parse_InvalidRuleName_ReportsIt(string name, string problem, string fix)
    {
        var error = SingleError(Minimal + $"alarms:\n  rules:\n    - {{ name: {name}, metric: latency, comparison: GreaterThanThreshold, threshold: 1 }}\n");

        error.ShouldBe(new ManifestError(File, 10, 15, "alarms.rules[0].name", problem, fix));
    }

    [Fact]
    public void Parse_RuleWithoutName_ReportsIt()
    {
        var error = SingleError(Minimal + "alarms:\n  rules:\n    - { metric: latency, comparison: GreaterThanThreshold, threshold: 1 }\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((10, 7, "alarms.rules[0].name", "required field \"name\" is missing"));
    }

    [Theory]
    [InlineData("usedefaults: true", 9, 3, "alarms.usedefaults", "unknown field \"usedefaults\"")]
    [InlineData("useDefaults: maybe", 9, 16, "alarms.useDefaults", "expected true or false, got \"maybe\"")]
    [InlineData("period: 1.5s", 9, 11, "alarms.period", "period 1.5s is not a whole number of seconds")]
    [InlineData("rules: { name: slow }", 9, 10, "alarms.rules", "expected a list, got a mapping")]
    [InlineData("rules: [slow]", 9, 11, "alarms.rules[0]", "expected a mapping, got \"slow\"")]
    [InlineData("rules: [~]", 9, 11, "alarms.rules[0]", "the rule is empty")]
    public void Parse_InvalidAlarmsField_ReportsIt(string field, int line, int column, string path, string problem)
    {
        var error = SingleError(Minimal + $"alarms:\n  {field}\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((line, column, path, problem));
    }

    [Fact]
    public void Parse_AlarmsNotAMapping_ReportsIt()
    {
        var error = SingleError(Minimal + "alarms: [error-rate]\n");

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((8, 9, "alarms", "expected a mapping, got a list"));
    }

    [Fact]
    public void Parse_SeveralRuleProblems_ReportsAllInDocumentOrder()
    {
        var result = ManifestParser.Parse(Minimal + """
            alarms:
              period: 0.5s
              rules:
                - name: a
                  metric: latncy
                  comparison: GreaterThanThreshold
                  threshold: 1
                - name: b
                  metric: errorRate
                  comparison: GreaterThanThreshold
                  threshold: 2
                  datapointsToAlarm: 5
            """, File);

        result.Manifest.ShouldBeNull();
        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe(
        [
            (9, "alarms.period"),
            (12, "alarms.rules[0].metric"),
            (18, "alarms.rules[1].threshold"),
            (19, "alarms.rules[1].datapointsToAlarm"),
        ]);
    }

    [Fact]
    public void Parse_AnomalyBandRule_ReadsTheBandInsteadOfAThreshold()
    {
        var manifest = Valid(Minimal + """
            alarms:
              rules:
                - name: latency-anomaly
                  metric: latency
                  datapointsToAlarm: 2
                  comparison: LessThanLowerOrGreaterThanUpperThreshold
                  anomalyBand: { width: 3, trainingPeriods: 60 }
                - { name: upper, metric: requests, comparison: GreaterThanUpperThreshold, anomalyBand: {} }
                - { name: lower, metric: errorRate, comparison: LessThanLowerThreshold, anomalyBand: }
            """);

        manifest.Alarms.Rules[0].ShouldBe(new AlarmSpec
        {
            Name = "latency-anomaly",
            Metric = new BuiltInAlarmMetric(BuiltInMetric.Latency),
            Statistic = AlarmStatistic.FromPercentile(99),
            EvaluationPeriods = 3,
            DatapointsToAlarm = 2,
            Comparison = AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold,
            AnomalyBand = new AnomalyBand { Width = 3, TrainingPeriods = 60 },
        });
        manifest.Alarms.Rules.Skip(1).Select(r => (r.Comparison, r.AnomalyBand)).ShouldBe(
        [
            (AlarmComparison.GreaterThanUpperThreshold, new AnomalyBand { Width = 2, TrainingPeriods = 30 }),
            (AlarmComparison.LessThanLowerThreshold, new AnomalyBand()),
        ]);
        manifest.Alarms.Effective.ShouldAllBe(a => a.Comparison.IsBand() == (a.AnomalyBand != null));
    }

    [Theory]
    [InlineData("comparison: GreaterThanUpperThreshold|threshold: 0.5|anomalyBand: { width: 2 }", 14, 7, "anomalyBand", "anomalyBand is set as well as threshold; a rule compares with a fixed threshold or with an anomaly band, not both")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: {}|threshold: 0.5", 14, 7, "threshold", "threshold is set as well as anomalyBand; a rule compares with a fixed threshold or with an anomaly band, not both")]
    [InlineData("comparison: GreaterThanUpperThreshold", 12, 19, "anomalyBand", "comparison GreaterThanUpperThreshold needs anomalyBand: the band learned from the metric that datapoints are compared with")]
    [InlineData("comparison: LessThanLowerThreshold|threshold: 0.5", 12, 19, "comparison", "comparison LessThanLowerThreshold compares with an anomaly band, but the rule has a threshold")]
    [InlineData("comparison: GreaterThanThreshold|anomalyBand: {}", 12, 19, "comparison", "comparison GreaterThanThreshold compares with a threshold, but the rule has anomalyBand")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { width: 0 }", 13, 29, "anomalyBand.width", "width 0 must be greater than 0")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { width: -1.5 }", 13, 29, "anomalyBand.width", "width -1.5 must be greater than 0")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { width: .inf }", 13, 29, "anomalyBand.width", "width .inf is not a finite number")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { width: \"2\" }", 13, 29, "anomalyBand.width", "expected a number, got the quoted text \"2\"")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { width: wide }", 13, 29, "anomalyBand.width", "expected a number, got \"wide\"")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { trainingPeriods: 4 }", 13, 39, "anomalyBand.trainingPeriods", "trainingPeriods 4 is outside 5-1000")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { trainingPeriods: 1001 }", 13, 39, "anomalyBand.trainingPeriods", "trainingPeriods 1001 is outside 5-1000")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { trainingPeriods: 7.5 }", 13, 39, "anomalyBand.trainingPeriods", "expected a whole number, got \"7.5\"")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { widht: 3 }", 13, 22, "anomalyBand.widht", "unknown field \"widht\"")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: 2", 13, 20, "anomalyBand", "expected a mapping, got \"2\"")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand:|  width: 2|  trainingPeriods: 2000", 15, 26, "anomalyBand.trainingPeriods", "trainingPeriods 2000 is outside 5-1000")]
    [InlineData("comparison: GreaterThanUpperThresold|anomalyBand: {}", 12, 19, "comparison", "unknown comparison \"GreaterThanUpperThresold\"")]
    public void Parse_InvalidAnomalyBandRule_ReportsOneErrorAtTheField(string fields, int line, int column, string field, string problem)
    {
        var yaml = OneRule + string.Concat($"metric: latency|{fields}".Split('|').Select(f => $"      {f}\n"));

        var error = SingleError(yaml);

        (error.Line, error.Column, error.Field, error.Problem).ShouldBe((line, column, $"alarms.rules[0].{field}", problem));
    }

    [Fact]
    public void Parse_ThresholdAfterAnomalyBandOnOneLine_ReportsTheThreshold()
    {
        var error = SingleError(Minimal + "alarms:\n  rules:\n    - { name: r, metric: latency, comparison: GreaterThanUpperThreshold, anomalyBand: {}, threshold: 1 }\n");

        error.ShouldBe(new ManifestError(
            File,
            10,
            91,
            "alarms.rules[0].threshold",
            "threshold is set as well as anomalyBand; a rule compares with a fixed threshold or with an anomaly band, not both",
            "keep one of them: delete threshold or anomalyBand"));
    }

    [Theory]
    [InlineData("comparison: GreaterThanUpperThreshold", "add anomalyBand: { width: 2, trainingPeriods: 30 }, or compare with a threshold, such as comparison: GreaterThanThreshold with threshold")]
    [InlineData("comparison: LessThanLowerThreshold|threshold: 0.5", "use LessThanThreshold with threshold, or replace threshold with anomalyBand: { width: 2, trainingPeriods: 30 }")]
    [InlineData("comparison: LessThanOrEqualToThreshold|anomalyBand: {}", "use LessThanLowerThreshold (or LessThanLowerOrGreaterThanUpperThreshold for both sides), or replace anomalyBand with threshold")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { width: 0 }", "use a number of standard deviations above 0, such as 2 (CloudWatch's default)")]
    [InlineData("comparison: GreaterThanUpperThreshold|anomalyBand: { trainingPeriods: 4 }", "use a whole number from 5 to 1000")]
    [InlineData("comparison: GreaterThanUpperThresold|anomalyBand: {}", "did you mean \"GreaterThanUpperThreshold\"? (allowed: GreaterThanThreshold or GreaterThanOrEqualToThreshold or LessThanThreshold or LessThanOrEqualToThreshold or LessThanLowerOrGreaterThanUpperThreshold or GreaterThanUpperThreshold or LessThanLowerThreshold)")]
    public void Parse_InvalidAnomalyBandRule_SuggestsTheFix(string fields, string fix)
    {
        var yaml = OneRule + string.Concat($"metric: latency|{fields}".Split('|').Select(f => $"      {f}\n"));

        SingleError(yaml).Fix.ShouldBe(fix);
    }

    [Fact]
    public void Parse_RepositoryManifest_KeepsTheDefaultsAndAddsOneWarning()
    {
        var path = Path.Combine(RepositoryPaths.Root, "cutover.yaml");

        var result = ManifestParser.Parse(System.IO.File.ReadAllText(path), path);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Errors));
        var alarms = result.Manifest.Alarms;
        alarms.UseDefaults.ShouldBeTrue();
        alarms.Effective.Take(5).ShouldBe(DefaultAlarms.Create());
        var warning = alarms.Effective.Skip(5).ShouldHaveSingleItem();
        (warning.Name, warning.Severity, warning.Rollback).ShouldBe(("latency-p50", AlarmSeverity.Warning, false));
        warning.Statistic.ShouldBe(AlarmStatistic.FromPercentile(50));
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
