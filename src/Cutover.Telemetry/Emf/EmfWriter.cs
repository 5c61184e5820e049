using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cutover.Telemetry.Emf;

/// <summary>
/// Formats one request as a CloudWatch Embedded Metric Format line
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
/// the <c>_aws</c> metadata names the metrics and dimension sets; the values are top-level members. Metrics:
/// <c>Requests</c>, <c>Errors4xx</c>, <c>Errors5xx</c> (counts) and <c>Latency</c> (seconds, like the latency alarm),
/// per service and version, and per service, version and route.
/// </summary>
internal sealed class EmfWriter(string metricNamespace, string service, string version, string instanceId)
{
    public const string Requests = "Requests";
    public const string Errors4xx = "Errors4xx";
    public const string Errors5xx = "Errors5xx";
    public const string Latency = "Latency";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public string Format(EmfRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", request.Timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("Dimensions");
            WriteDimensionSet(json, "Service", "Version");
            WriteDimensionSet(json, "Service", "Version", "Route");
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            WriteMetric(json, Requests, EmfUnits.Count);
            WriteMetric(json, Errors4xx, EmfUnits.Count);
            WriteMetric(json, Errors5xx, EmfUnits.Count);
            WriteMetric(json, Latency, EmfUnits.Seconds);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteString("Service", service);
            json.WriteString("Version", version);
            json.WriteString("Route", request.Route);
            json.WriteString("InstanceId", instanceId);
            json.WriteString("Method", request.Method);
            json.WriteNumber("StatusCode", request.StatusCode);
            if (request.TraceId is { } traceId)
            {
                json.WriteString("TraceId", traceId);
            }

            json.WriteNumber(Requests, 1);
            json.WriteNumber(Errors4xx, request.StatusCode is >= 400 and < 500 ? 1 : 0);
            json.WriteNumber(Errors5xx, request.StatusCode >= 500 ? 1 : 0);
            json.WriteNumber(Latency, request.Duration.TotalSeconds);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteDimensionSet(Utf8JsonWriter json, params string[] dimensions)
    {
        json.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
    }

    private static void WriteMetric(Utf8JsonWriter json, string name, string unit)
    {
        json.WriteStartObject();
        json.WriteString("Name", name);
        json.WriteString("Unit", unit);
        json.WriteEndObject();
    }
}
