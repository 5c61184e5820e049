using System.Text.Json;

namespace Cutover.Telemetry.Tests.Emf;

/// <summary>
/// The checks CloudWatch applies to an Embedded Metric Format line
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
/// written from the specification rather than from the writer, so the writer cannot agree with itself.
/// </summary>
internal static class EmfSchema
{
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
        "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
        "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    ];

    /// <summary>Every violation of the specification in <paramref name="line"/>; empty when CloudWatch would accept it.</summary>
    public static List<string> Violations(string line)
    {
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return [$"not JSON: {exception.Message}"];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object)
            {
                return ["_aws must be an object member of a root object"];
            }

            if (!aws.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var ms) || ms <= 0)
            {
                errors.Add("_aws.Timestamp must be a positive whole number of milliseconds since the epoch");
            }

            if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array || directives.GetArrayLength() == 0)
            {
                errors.Add("_aws.CloudWatchMetrics must be a non-empty array");
                return errors;
            }

            foreach (var directive in directives.EnumerateArray())
            {
                CheckDirective(root, directive, errors);
            }
        }

        return errors;
    }

    private static void CheckDirective(JsonElement root, JsonElement directive, List<string> errors)
    {
        if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String
            || ns.GetString() is not { Length: > 0 and <= 255 } nsText || nsText.StartsWith("AWS/", StringComparison.Ordinal))
        {
            errors.Add("Namespace must be a string of 1 to 255 characters not starting with AWS/");
        }

        if (!directive.TryGetProperty("Dimensions", out var dimensions) || dimensions.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Dimensions must be an array of dimension sets");
        }
        else
        {
            foreach (var set in dimensions.EnumerateArray())
            {
                if (set.ValueKind != JsonValueKind.Array || set.GetArrayLength() > 30)
                {
                    errors.Add("each dimension set must be an array of at most 30 names");
                    continue;
                }

                foreach (var name in set.EnumerateArray())
                {
                    if (name.ValueKind != JsonValueKind.String)
                    {
                        errors.Add("dimension names must be strings");
                    }
                    else if (!root.TryGetProperty(name.GetString()!, out var value) || value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add($"dimension '{name.GetString()}' must be a top-level string member");
                    }
                }
            }
        }

        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array || metrics.GetArrayLength() is 0 or > 100)
        {
            errors.Add("Metrics must be an array of 1 to 100 metric definitions");
            return;
        }

        foreach (var metric in metrics.EnumerateArray())
        {
            if (!metric.TryGetProperty("Name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() is not { Length: > 0 and <= 1024 } nameText)
            {
                errors.Add("each metric needs a Name of 1 to 1024 characters");
                continue;
            }

            if (!root.TryGetProperty(nameText, out var value) || value.ValueKind != JsonValueKind.Number)
            {
                errors.Add($"metric '{nameText}' must be a top-level number");
            }

            if (metric.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String || !Units.Contains(unit.GetString()!)))
            {
                errors.Add($"metric '{nameText}' has a unit CloudWatch does not know: {unit}");
            }
        }
    }
}
