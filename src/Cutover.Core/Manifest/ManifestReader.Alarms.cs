using System.Globalization;
using System.Text.RegularExpressions;
using Cutover.Core.Alarms;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>alarms</c>: whether the default alarms apply, their period, and the service's own rules.</summary>
internal sealed partial class ManifestReader
{
    private const int DefaultEvaluationPeriods = 3;

    // One-second periods over CloudWatch's longest window (1 day for periods under an hour).
    private const int MaxEvaluationPeriods = 86_400;

    private const string RulesExample = "[{ name: slow, metric: latency, statistic: p99, comparison: GreaterThanThreshold, threshold: 1 }]";

    private const string NoMetricFix =
        "add metric (a built-in such as errorRate), expression (metric math such as \"m1 / m2\" with metrics), logMetric (a metric filter's metricName) or promql (local target only)";

    private static readonly string[] AlarmsFields = ["useDefaults", "period", "rules"];

    private static readonly string[] AlarmRuleFields =
    [
        "name", "description", "metric", "expression", "metrics", "logMetric", "promql", "statistic", "period",
        "evaluationPeriods", "datapointsToAlarm", "comparison", "threshold", "anomalyBand", "treatMissingData", "severity", "rollback",
    ];

    private static readonly string[] AnomalyBandFields = ["width", "trainingPeriods"];

    private const string AnomalyBandExample = "anomalyBand: { width: 2, trainingPeriods: 30 }";

    private static readonly string[] MetricSourceFields = ["metric", "expression", "logMetric", "promql"];

    private static readonly string[] MetricStatFields = ["metric", "statistic"];

    // Alarms are read before logs; each logMetric is checked against the metric filters afterwards.
    private readonly List<(YamlField Field, string MetricName)> _logMetricReferences = [];

    private static readonly string[] StatisticNames = ["Sum", "Average", "Minimum", "Maximum", "SampleCount"];

    private static readonly Dictionary<string, BuiltInMetric> MetricNames = new(StringComparer.Ordinal)
    {
        ["requests"] = BuiltInMetric.Requests,
        ["errors5xx"] = BuiltInMetric.Errors5xx,
        ["errorRate"] = BuiltInMetric.ErrorRate,
        ["latency"] = BuiltInMetric.Latency,
        ["memoryUtilization"] = BuiltInMetric.MemoryUtilization,
        ["unhealthyInstances"] = BuiltInMetric.UnhealthyInstances,
        ["restarts"] = BuiltInMetric.Restarts,
    };

    // CloudWatch's spellings, so a rule reads like the alarm it becomes on AWS.
    private static readonly Dictionary<string, AlarmComparison> Comparisons = new(StringComparer.Ordinal)
    {
        ["GreaterThanThreshold"] = AlarmComparison.GreaterThanThreshold,
        ["GreaterThanOrEqualToThreshold"] = AlarmComparison.GreaterThanOrEqualToThreshold,
        ["LessThanThreshold"] = AlarmComparison.LessThanThreshold,
        ["LessThanOrEqualToThreshold"] = AlarmComparison.LessThanOrEqualToThreshold,
        ["LessThanLowerOrGreaterThanUpperThreshold"] = AlarmComparison.LessThanLowerOrGreaterThanUpperThreshold,
        ["GreaterThanUpperThreshold"] = AlarmComparison.GreaterThanUpperThreshold,
        ["LessThanLowerThreshold"] = AlarmComparison.LessThanLowerThreshold,
    };

    private static readonly Dictionary<string, TreatMissingData> MissingDataTreatments = new(StringComparer.Ordinal)
    {
        ["missing"] = TreatMissingData.Missing,
        ["notBreaching"] = TreatMissingData.NotBreaching,
        ["breaching"] = TreatMissingData.Breaching,
        ["ignore"] = TreatMissingData.Ignore,
    };

    private static readonly Dictionary<string, AlarmSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["critical"] = AlarmSeverity.Critical,
        ["warning"] = AlarmSeverity.Warning,
        ["info"] = AlarmSeverity.Info,
    };

    private AlarmsSpec ReadAlarms(YamlField field)
    {
        var map = OpenMap(field, AlarmsFields);
        var defaults = new AlarmsSpec();
        var period = map.Get("period") is { } periodField ? AlarmPeriod(periodField) : null;
        return new AlarmsSpec
        {
            UseDefaults = Bool(map, "useDefaults") ?? defaults.UseDefaults,
            Period = period ?? defaults.Period,
            Rules = map.Get("rules") is { } rulesField ? ReadAlarmRules(rulesField, period ?? defaults.Period) : defaults.Rules,
        };
    }

    private List<AlarmSpec> ReadAlarmRules(YamlField field, TimeSpan defaultPeriod)
    {
        var rules = new List<AlarmSpec>();
        if (Sequence(field, RulesExample) is not { } sequence)
        {
            return rules;
        }

        var firstUse = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = FieldPath.Item(field.Path, i);
            if (item is not YamlMappingNode)
            {
                // One error for the item rather than one per required field it lacks.
                if (IsNull(item))
                {
                    Report(item.Start, path, "the rule is empty", "add name, metric, comparison and threshold, such as " + RulesExample[1..^1]);
                }
                else
                {
                    OpenMap(item, path, item.Start, AlarmRuleFields);
                }

                continue;
            }

            rules.Add(ReadAlarmRule(OpenMap(item, path, item.Start, AlarmRuleFields), defaultPeriod, firstUse));
        }

        return rules;
    }

    private AlarmSpec ReadAlarmRule(YamlMap map, TimeSpan defaultPeriod, Dictionary<string, Mark> firstUse)
    {
        var name = Required(map, "name", "add a name such as name: checkout-errors (a default's name, such as error-rate, replaces that default)") is { } nameField
            ? UniqueName(nameField, firstUse, "alarm", "checkout-errors", "give each rule its own name; to replace a default alarm, use its name once")
            : null;
        var metric = ReadAlarmMetric(map);
        var statistic = RuleStatistic(map, metric);

        var periodField = map.Get("period");
        var period = periodField is null ? defaultPeriod : AlarmPeriod(periodField);
        var evaluationPeriodsField = map.Get("evaluationPeriods");
        var evaluationPeriods = evaluationPeriodsField is null ? DefaultEvaluationPeriods : Int(evaluationPeriodsField, 1, MaxEvaluationPeriods);
        var datapointsField = map.Get("datapointsToAlarm");
        var datapointsToAlarm = datapointsField is null ? evaluationPeriods : DatapointsToAlarm(datapointsField, evaluationPeriods, evaluationPeriodsField is null);
        if (period is { } p && evaluationPeriods is { } n && (evaluationPeriodsField ?? periodField) is { } spanField)
        {
            CheckEvaluationSpan(spanField, p, n);
        }

        var comparisonField = Required(map, "comparison", "add how datapoints are compared, such as comparison: GreaterThanThreshold");
        var comparison = comparisonField is null ? null : Choice(comparisonField, Comparisons);
        var (threshold, band) = ReadThresholdOrBand(map, metric, comparisonField, comparison);
        var severity = (map.Get("severity") is { } severityField ? Choice(severityField, Severities) : null) ?? AlarmSeverity.Critical;

        var spec = new AlarmSpec
        {
            Name = name ?? string.Empty,
            Metric = metric ?? new PromQlAlarmMetric(string.Empty),
            EvaluationPeriods = evaluationPeriods ?? DefaultEvaluationPeriods,
            DatapointsToAlarm = datapointsToAlarm ?? DefaultEvaluationPeriods,
            Comparison = comparison ?? AlarmComparison.GreaterThanThreshold,
            Threshold = threshold ?? 0,
            AnomalyBand = band,
        };
        return spec with
        {
            Statistic = statistic ?? spec.Statistic,
            Period = period ?? spec.Period,
            TreatMissingData = (map.Get("treatMissingData") is { } treatField ? Choice(treatField, MissingDataTreatments) : null) ?? spec.TreatMissingData,
            Severity = severity,
            // Critical alarms roll back unless told otherwise; a warning or info rolls back only when it says so.
            Rollback = Bool(map, "rollback") ?? severity == AlarmSeverity.Critical,
            Description = Text(map, "description", "\"Checkout fails for more than 2% of orders\"") ?? spec.Description,
        };
    }

    /// <summary>
    /// Exactly one of threshold and anomalyBand, matching the comparison: the band comparisons (such as
    /// GreaterThanUpperThreshold) need anomalyBand, the others threshold. An unknown or missing comparison asks for
    /// nothing more than a threshold or a band.
    /// </summary>
    private (double? Threshold, AnomalyBand? Band) ReadThresholdOrBand(YamlMap map, AlarmMetric? metric, YamlField? comparisonField, AlarmComparison? comparison)
    {
        var thresholdField = map.Get("threshold");
        var bandField = map.Get("anomalyBand");
        var threshold = thresholdField is null ? null : Threshold(thresholdField, metric);
        var band = bandField is null ? null : ReadAnomalyBand(bandField);

        if (thresholdField is not null && bandField is not null)
        {
            var thresholdFirst = (thresholdField.Key.Start.Line, thresholdField.Key.Start.Column).CompareTo((bandField.Key.Start.Line, bandField.Key.Start.Column)) < 0;
            var (first, second) = thresholdFirst ? (thresholdField, bandField) : (bandField, thresholdField);
            Report(
                second.Key.Start,
                second.Path,
                $"{second.Name} is set as well as {first.Name}; a rule compares with a fixed threshold or with an anomaly band, not both",
                $"keep one of them: delete {second.Name} or {first.Name}");
            return (null, null);
        }

        // A known comparison's enum name is its manifest spelling.
        switch (comparison)
        {
            case { } c when c.IsBand() && bandField is null:
                if (thresholdField is null)
                {
                    Report(
                        comparisonField!.Value.Start,
                        FieldPath.Child(map.Path, "anomalyBand"),
                        $"comparison {c} needs anomalyBand: the band learned from the metric that datapoints are compared with",
                        $"add {AnomalyBandExample}, or compare with a threshold, such as comparison: {StaticCounterpart(c)} with threshold");
                }
                else
                {
                    Report(
                        comparisonField!.Value.Start,
                        comparisonField.Path,
                        $"comparison {c} compares with an anomaly band, but the rule has a threshold",
                        $"use {StaticCounterpart(c)} with threshold, or replace threshold with {AnomalyBandExample}");
                }

                return (null, null);
            case { } c when !c.IsBand() && bandField is not null:
                Report(
                    comparisonField!.Value.Start,
                    comparisonField.Path,
                    $"comparison {c} compares with a threshold, but the rule has anomalyBand",
                    $"use {BandCounterpart(c)} (or LessThanLowerOrGreaterThanUpperThreshold for both sides), or replace anomalyBand with threshold");
                return (null, null);
        }

        if (thresholdField is null && bandField is null && comparison?.IsBand() != true)
        {
            Required(map, "threshold", "add the value datapoints are compared with, such as threshold: 0.05");
        }

        return (threshold, band);
    }

    /// <summary><c>anomalyBand: { width, trainingPeriods }</c>; an empty value takes both defaults.</summary>
    private AnomalyBand? ReadAnomalyBand(YamlField field)
    {
        var map = OpenMap(field, AnomalyBandFields);
        var defaults = new AnomalyBand();
        var width = map.Get("width") is { } widthField ? BandWidth(widthField) : defaults.Width;
        var trainingPeriods = map.Get("trainingPeriods") is { } trainingField
            ? Int(trainingField, AnomalyBand.MinimumDatapoints, AnomalyBand.MaximumTrainingPeriods)
            : defaults.TrainingPeriods;
        return width is { } w && trainingPeriods is { } t ? new AnomalyBand { Width = w, TrainingPeriods = t } : null;
    }

    /// <summary>The band's half-width in standard deviations: a finite number above 0.</summary>
    private double? BandWidth(YamlField field)
    {
        const string Fix = "use a number of standard deviations above 0, such as 2 (CloudWatch's default)";
        if (FiniteNumber(field, Fix) is not { } width)
        {
            return null;
        }

        if (width <= 0)
        {
            Report(field.Value.Start, field.Path, $"width {((YamlScalarNode)field.Value).Value} must be greater than 0", Fix);
            return null;
        }

        return width;
    }

    private static AlarmComparison StaticCounterpart(AlarmComparison band) =>
        band == AlarmComparison.LessThanLowerThreshold ? AlarmComparison.LessThanThreshold : AlarmComparison.GreaterThanThreshold;

    private static AlarmComparison BandCounterpart(AlarmComparison comparison) =>
        comparison is AlarmComparison.LessThanThreshold or AlarmComparison.LessThanOrEqualToThreshold
            ? AlarmComparison.LessThanLowerThreshold
            : AlarmComparison.GreaterThanUpperThreshold;

    /// <summary>Exactly one of metric, expression, logMetric and promql; metrics only alongside expression.</summary>
    private AlarmMetric? ReadAlarmMetric(YamlMap map)
    {
        var sources = MetricSourceFields
            .Select(map.Get)
            .OfType<YamlField>()
            .OrderBy(f => f.Key.Start.Line)
            .ThenBy(f => f.Key.Start.Column)
            .ToList();
        var metricsField = map.Get("metrics");
        if (sources.Count == 0)
        {
            Report(map.ReportAt, FieldPath.Child(map.Path, "metric"), "the rule names no metric", NoMetricFix);
            return null;
        }

        var source = sources[0];
        foreach (var extra in sources.Skip(1))
        {
            Report(
                extra.Key.Start,
                extra.Path,
                $"{extra.Name} is set as well as {source.Name}; a rule has exactly one of metric, expression, logMetric and promql",
                $"keep one of them: delete {extra.Name} or {source.Name}");
        }

        if (sources.Count > 1)
        {
            return null;
        }

        if (metricsField is not null && source.Name != "expression")
        {
            Report(
                metricsField.Key.Start,
                metricsField.Path,
                "metrics is only used with expression",
                $"delete metrics, or replace {source.Name} with an expression over them, such as expression: \"m1 / m2\"");
        }

        return source.Name switch
        {
            "metric" => Choice(source, MetricNames) is { } metric ? new BuiltInAlarmMetric(metric) : null,
            "promql" => Text(source, "\"sum(rate(http_requests_total{code=~\\\"5..\\\"}[10s]))\"") is { } query ? new PromQlAlarmMetric(query) : null,
            "logMetric" => Text(source, "CheckoutFailures") is { } logMetric ? LogMetricReference(source, logMetric) : null,
            _ => ReadExpression(map, source, metricsField),
        };
    }

    /// <summary>A rule's logMetric, checked against logs.metricFilters once those are read (they come later in the file's model).</summary>
    private LogAlarmMetric LogMetricReference(YamlField field, string metricName)
    {
        _logMetricReferences.Add((field, metricName));
        return new LogAlarmMetric(metricName);
    }

    /// <summary>Every logMetric names the metricName of a declared metric filter.</summary>
    private void CheckLogMetricReferences(LogsSpec logs)
    {
        var declared = logs.MetricFilters.Select(f => f.MetricName).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (field, name) in _logMetricReferences.Where(r => !declared.Contains(r.MetricName, StringComparer.Ordinal)))
        {
            Report(
                field.Value.Start,
                field.Path,
                $"no metric filter under logs.metricFilters counts \"{name}\"",
                Suggestions.Closest(name, declared) is { } suggestion
                    ? $"did you mean \"{suggestion}\"?"
                    : declared.Count == 0
                        ? $"declare one, such as logs: {{ metricFilters: [{{ name: checkout-failures, pattern: '\"checkout failed\"', metricName: {name} }}] }}"
                        : $"use one of {string.Join(", ", declared)}");
        }
    }

    private ExpressionAlarmMetric? ReadExpression(YamlMap map, YamlField expressionField, YamlField? metricsField)
    {
        var expression = Text(expressionField, "\"m1 / m2\"");
        if (metricsField is null)
        {
            Report(
                expressionField.Key.Start,
                FieldPath.Child(map.Path, "metrics"),
                "expression needs metrics: what its ids stand for",
                "add metrics, such as metrics: { m1: { metric: errors5xx, statistic: Sum }, m2: { metric: requests, statistic: Sum } }");
            return null;
        }

        var (metrics, idFields) = ReadMetricStats(metricsField);

        // With no metrics declared, every id would be unknown: the one error about metrics says it all.
        if (expression is null || idFields.Count == 0)
        {
            return null;
        }

        // Every declared id counts as known, even one with errors of its own, so one typo gives one error.
        var ids = idFields.Select(f => f.Name).ToList();
        if (!MetricMathParser.TryParse(expression, ids, out var program, out var error))
        {
            Report(PositionIn(expressionField, error.Position), expressionField.Path, error.Problem, error.Fix);
            return null;
        }

        if (program.Ids.Count == 0)
        {
            Report(expressionField.Value.Start, expressionField.Path, "the expression uses no metric", "use at least one id from metrics, such as m1 / m2");
            return null;
        }

        var unused = idFields.Where(f => !program.Ids.Contains(f.Name)).ToList();
        foreach (var idField in unused)
        {
            Report(idField.Key.Start, idField.Path, $"metric {idField.Name} is declared but the expression does not use it", $"use {idField.Name} in expression, or delete it");
        }

        return metrics is null || unused.Count > 0 ? null : new ExpressionAlarmMetric(expression, metrics);
    }

    /// <summary>The metrics an expression names, by id. Null after any error; the id fields are returned either way.</summary>
    private (Dictionary<string, MetricStat>? Metrics, IReadOnlyList<YamlField> Ids) ReadMetricStats(YamlField field)
    {
        var map = OpenMap(field, allowed: null);
        if (map.Fields.Count == 0)
        {
            Report(field.Value.Start, field.Path, "metrics is empty", "declare the metrics the expression uses, such as m1: { metric: errors5xx, statistic: Sum }");
            return (null, map.Fields);
        }

        var metrics = new Dictionary<string, MetricStat>(StringComparer.Ordinal);
        var valid = true;
        foreach (var idField in map.Fields)
        {
            if (!MetricIdPattern().IsMatch(idField.Name))
            {
                Report(
                    idField.Key.Start,
                    idField.Path,
                    $"metric id \"{idField.Name}\" must start with a lowercase letter and hold only letters, digits and _",
                    "use an id such as m1 or errors, as CloudWatch requires");
                valid = false;
            }

            var statMap = OpenMap(idField, MetricStatFields);
            var metric = Required(statMap, "metric", "add the built-in metric, such as metric: errors5xx") is { } metricField
                ? Choice(metricField, MetricNames)
                : null;
            var statistic = statMap.Get("statistic") is { } statisticField ? Statistic(statisticField, metric) : metric?.NaturalStatistic();
            if (metric is { } m && statistic is not null)
            {
                metrics[idField.Name] = new MetricStat(m, statistic);
            }
            else
            {
                valid = false;
            }
        }

        return (valid ? metrics : null, map.Fields);
    }

    /// <summary>A rule's statistic: not allowed with expression, otherwise defaulting to the metric's natural statistic.</summary>
    private AlarmStatistic? RuleStatistic(YamlMap map, AlarmMetric? metric)
    {
        var builtIn = (metric as BuiltInAlarmMetric)?.Metric;
        if (map.Get("statistic") is not { } field)
        {
            return metric is LogAlarmMetric ? AlarmStatistic.Sum : builtIn?.NaturalStatistic() ?? AlarmStatistic.Average;
        }

        if (metric is LogAlarmMetric)
        {
            // Locally the count's increase over the period, on AWS the metric filter's Sum: the one statistic both mean alike.
            if (Text(field, "Sum") is { } text && text != "Sum")
            {
                Report(field.Value.Start, field.Path, $"statistic {text} does not apply to a log metric, which counts matching lines per period", "delete statistic, or use Sum");
                return null;
            }

            return AlarmStatistic.Sum;
        }

        if (map.Get("expression") is not null)
        {
            Report(field.Key.Start, field.Path, "statistic does not apply to an expression", "set statistic on each metric under metrics, such as m1: { metric: errors5xx, statistic: Sum }");
            return null;
        }

        return Statistic(field, builtIn);
    }

    /// <summary>CloudWatch's spelling of a statistic; a percentile only for a metric with one sample per request.</summary>
    private AlarmStatistic? Statistic(YamlField field, BuiltInMetric? metric)
    {
        const string Fix = "use Sum, Average, Minimum, Maximum, SampleCount or a percentile from p0 to p100, such as p99 or p99.9";
        var text = Text(field, "Average or p99");
        if (text is null)
        {
            return null;
        }

        if (!AlarmStatistic.TryParse(text, out var statistic))
        {
            var percentile = PercentileLike().Match(text);
            var (problem, fix) = percentile.Success switch
            {
                true when AlarmStatistic.TryParse("p" + percentile.Groups[1].Value, out _) =>
                    ($"unknown statistic \"{text}\"", $"did you mean \"p{percentile.Groups[1].Value}\"? Percentiles are lowercase, as in CloudWatch"),
                true when double.Parse(percentile.Groups[1].Value, CultureInfo.InvariantCulture) > 100 =>
                    ($"percentile {text} is above p100", "use a percentile from p0 to p100, such as p99"),
                true => ($"percentile {text} has more than two decimals", "use at most two decimals, such as p99.99"),
                false => ($"unknown statistic \"{text}\"", Suggestions.Closest(text, StatisticNames) is { } suggestion ? $"did you mean \"{suggestion}\"?" : Fix),
            };
            Report(field.Value.Start, field.Path, problem, fix);
            return null;
        }

        if (statistic.IsPercentile && metric is { } m && !m.HasPercentiles())
        {
            Report(
                field.Value.Start,
                field.Path,
                $"percentile {statistic} does not apply to {MetricName(m)}, which has one value per period rather than one per request",
                "use Average or Maximum; percentiles apply to latency and promql");
            return null;
        }

        return statistic;
    }

    /// <summary>An alarm period: whole seconds from 1 s to 1 day, as local periods are counted in seconds.</summary>
    private TimeSpan? AlarmPeriod(YamlField field)
    {
        if (Duration(field, allowZero: false) is not { } period)
        {
            return null;
        }

        var text = ((YamlScalarNode)field.Value).Value;
        if (period < TimeSpan.FromSeconds(1))
        {
            Report(field.Value.Start, field.Path, $"period {text} is shorter than 1s", "use whole seconds, such as 1s or 2s");
        }
        else if (period.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            Report(field.Value.Start, field.Path, $"period {text} is not a whole number of seconds", $"use whole seconds, such as {Math.Round(period.TotalSeconds, MidpointRounding.AwayFromZero)}s");
        }
        else if (period > TimeSpan.FromDays(1))
        {
            Report(field.Value.Start, field.Path, $"period {text} is longer than 1 day", "use a period of at most 24h");
        }
        else
        {
            return period;
        }

        return null;
    }

    private int? DatapointsToAlarm(YamlField field, int? evaluationPeriods, bool evaluationPeriodsIsDefault)
    {
        var datapoints = Int(field, 1, MaxEvaluationPeriods);
        if (datapoints is not { } m || evaluationPeriods is not { } n || m <= n)
        {
            return datapoints;
        }

        Report(
            field.Value.Start,
            field.Path,
            $"datapointsToAlarm {m} is more than evaluationPeriods ({n}{(evaluationPeriodsIsDefault ? ", the default" : string.Empty)})",
            $"use a number from 1 to {n}, or raise evaluationPeriods: an alarm needs M breaching datapoints out of the last N");
        return null;
    }

    /// <summary>CloudWatch's limit on period × evaluationPeriods: 1 day for periods under an hour, otherwise 7 days.</summary>
    private void CheckEvaluationSpan(YamlField field, TimeSpan period, int evaluationPeriods)
    {
        var limit = period < TimeSpan.FromHours(1) ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        var span = period * evaluationPeriods;
        if (span > limit)
        {
            Report(
                field.Value.Start,
                field.Path,
                FormattableString.Invariant($"{evaluationPeriods} periods of {period.TotalSeconds}s span {span.TotalHours:0.#}h, more than CloudWatch's limit of {(limit.TotalDays == 1 ? "1 day" : "7 days")}"),
                "use fewer evaluation periods or a shorter period");
        }
    }

    private double? Threshold(YamlField field, AlarmMetric? metric)
    {
        if (FiniteNumber(field, "use a finite number, such as 0.05") is not { } value)
        {
            return null;
        }

        var text = ((YamlScalarNode)field.Value).Value;

        // A share compared with a number outside 0-1 always or never breaches: a silent pass, or a release that cannot pass.
        if (metric is BuiltInAlarmMetric { Metric: var builtIn } && builtIn.IsShare() && value is < 0 or > 1)
        {
            Report(
                field.Value.Start,
                field.Path,
                $"threshold {text} is outside 0-1, the range of {MetricName(builtIn)} (a share, not a percentage)",
                value is > 1 and <= 100
                    ? FormattableString.Invariant($"write {value / 100} for {text}%")
                    : "use a number from 0 to 1, such as 0.05");
            return null;
        }

        return value;
    }

    /// <summary>A finite, unquoted number; <c>.inf</c>, <c>.nan</c> and anything that overflows are refused by name.</summary>
    private double? FiniteNumber(YamlField field, string fix)
    {
        var scalar = Scalar(field.Value, field.Path, "a number", fix);
        if (scalar is null)
        {
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (YamlNonFinite().IsMatch(text) || (parsed && !double.IsFinite(value)))
        {
            Report(scalar.Start, field.Path, $"{field.Name} {text} is not a finite number", fix);
            return null;
        }

        if (!parsed)
        {
            Report(scalar.Start, field.Path, $"expected a number, got \"{text}\"", fix);
            return null;
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            Report(scalar.Start, field.Path, $"expected a number, got the quoted text \"{text}\"", "remove the quotes");
            return null;
        }

        return value;
    }

    /// <summary>
    /// Where character <paramref name="position"/> of a one-line expression is in the file, so the error points at the
    /// offending id; the scalar's start when escapes or line folding make the text differ from the file.
    /// </summary>
    private static Mark PositionIn(YamlField field, int position)
    {
        var scalar = (YamlScalarNode)field.Value;
        var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        var written = scalar.End.Column - scalar.Start.Column;
        var verbatim = scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted &&
            scalar.Start.Line == scalar.End.Line &&
            written == (scalar.Value ?? string.Empty).Length + (2 * quote);
        var offset = verbatim ? quote + position - 1 : 0;
        return new Mark(scalar.Start.Index + offset, scalar.Start.Line, scalar.Start.Column + offset);
    }

    private static string MetricName(BuiltInMetric metric) => MetricNames.First(pair => pair.Value == metric).Key;

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex MetricIdPattern();

    [GeneratedRegex(@"^[pP](\d+(?:\.\d+)?)$")]
    private static partial Regex PercentileLike();

    [GeneratedRegex(@"^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$")]
    private static partial Regex YamlNonFinite();
}
