using Cutover.Core.Manifest;

namespace Cutover.Core.Tests.Logs;

public sealed class ManifestLogsTests
{
    private const string File = "cutover.yaml";

    // Lines 1-7; tests append a logs section from line 8 on.
    private const string Minimal = Manifest.MinimalManifest.Text;

    [Fact]
    public void Parse_NoLogsSection_GetsTheDefaults()
    {
        var manifest = Valid(Minimal);

        manifest.Logs.ShouldBe(new LogsSpec());
        manifest.Logs.Retention.MaxAge.ShouldBe(TimeSpan.FromDays(7));
        manifest.Logs.Retention.MaxSizeMb.ShouldBe(512);
        manifest.Logs.MetricFilters.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_LogsExample_ReadsEveryField()
    {
        var manifest = Valid(Minimal + """
            logs:
              retention: { maxAge: 7d, maxSizeMb: 256 }
              metricFilters:
                - name: checkout-failures
                  pattern: '"checkout failed"'
                  metricName: CheckoutFailures
                  value: 1
                - name: server-errors
                  pattern: '{ $.level = "Error" && $.StatusCode >= 500 }'
                  metricName: ServerErrors
            """);

        manifest.Logs.ShouldBe(new LogsSpec
        {
            Retention = new LogRetentionSpec { MaxAge = TimeSpan.FromDays(7), MaxSizeMb = 256 },
            MetricFilters =
            [
                new MetricFilterSpec { Name = "checkout-failures", Pattern = "\"checkout failed\"", MetricName = "CheckoutFailures", Value = 1 },
                new MetricFilterSpec { Name = "server-errors", Pattern = "{ $.level = \"Error\" && $.StatusCode >= 500 }", MetricName = "ServerErrors", Value = 1 },
            ],
        });
    }

    [Fact]
    public void Parse_RetentionInDaysAndHours_IsADuration()
    {
        Valid(Minimal + "logs: { retention: { maxAge: 1d12h } }").Logs.Retention.MaxAge.ShouldBe(TimeSpan.FromHours(36));
    }

    [Fact]
    public void Parse_InvalidLogsSection_ReportsEveryErrorWithItsLine()
    {
        var errors = Errors(Minimal + """
            logs:
              retention:
                maxAge: 0s
                maxSizeMb: 0
                maxRows: 10
              metricFilters:
                - name: Checkout_Failures
                  pattern: '{ $.level == "Error" }'
                  metricName: 1bad
                - name: b
                  pattern: "[ip, user]"
                  metricName: Ok
                - name: b
                  metricName: Ok
                  value: -1
                -
            """);

        errors.ShouldBe(
        [
            new ManifestError(File, 10, 13, "logs.retention.maxAge", "maxAge must be greater than 0", "use a duration such as 1s"),
            new ManifestError(File, 11, 16, "logs.retention.maxSizeMb", "maxSizeMb 0 is outside 1-1048576", "use a whole number from 1 to 1048576"),
            new ManifestError(File, 12, 5, "logs.retention.maxRows", "unknown field \"maxRows\"", "remove it; allowed here: maxAge, maxSizeMb"),
            new ManifestError(File, 14, 13, "logs.metricFilters[0].name", "metric filter name \"Checkout_Failures\" may only contain lowercase letters, digits and -", "use \"checkout-failures\""),
            new ManifestError(File, 15, 27, "logs.metricFilters[0].pattern", "\"==\" is not an operator", "write a single =, as CloudWatch does"),
            new ManifestError(File, 16, 19, "logs.metricFilters[0].metricName", "metric name \"1bad\" must start with a letter and hold only letters, digits, _, . and - (at most 255)", "use a name such as CheckoutFailures"),
            new ManifestError(File, 18, 17, "logs.metricFilters[1].pattern", "space-delimited patterns ([field1, field2, ...]) are not supported", "use terms such as \"checkout failed\", ERROR or ?ERROR ?WARN, or a JSON selector such as { $.level = \"Error\" }"),
            new ManifestError(File, 20, 7, "logs.metricFilters[2].pattern", "required field \"pattern\" is missing", "add a pattern such as pattern: '\"checkout failed\"' or pattern: '{ $.level = \"Error\" }'"),
            new ManifestError(File, 20, 13, "logs.metricFilters[2].name", "metric filter name \"b\" is used twice (first on line 17)", "give each metric filter its own name"),
            new ManifestError(File, 22, 14, "logs.metricFilters[2].value", "value -1 is below 0", "use a number of 0 or more"),
            new ManifestError(File, 23, 6, "logs.metricFilters[3]", "the metric filter is empty", "add name, pattern and metricName, such as { name: checkout-failures, pattern: '\"checkout failed\"', metricName: CheckoutFailures, value: 1 }"),
        ]);
    }

    private static ServiceManifest Valid(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, result.Errors));
        return result.Manifest!;
    }

    private static IReadOnlyList<ManifestError> Errors(string yaml)
    {
        var result = ManifestParser.Parse(yaml, File);
        result.Manifest.ShouldBeNull();
        return result.Errors;
    }
}
