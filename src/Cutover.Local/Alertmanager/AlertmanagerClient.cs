using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutover.Local.Alertmanager;

/// <summary>Posts alerts to Alertmanager's API v2. Telemetry never throws: a failed post is a false result.</summary>
public sealed class AlertmanagerClient(HttpClient http, Uri baseUri)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Uri BaseUri => baseUri;

    public async Task<bool> PostAsync(IReadOnlyList<AlertmanagerAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return true;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(baseUri, "api/v2/alerts"), alerts, Json, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseUri, "-/ready"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
