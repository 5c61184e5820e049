using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cutover.Testing;

namespace Cutover.Telemetry.Tests.Tools;

/// <summary>
/// A real Prometheus on a free loopback port that scrapes one target every second, with its own temporary storage;
/// disposing stops it and deletes the folder.
/// </summary>
internal sealed class RealPrometheus : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _client;

    private RealPrometheus(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public static RealPrometheus Start(int targetPort)
    {
        var directory = Directory.CreateTempSubdirectory("cutover-telemetry-prometheus-").FullName;
        var port = FreePorts.Next();
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: service
                metrics_path: /metrics
                static_configs:
                  - targets: ['127.0.0.1:{targetPort}']
            """);
        var start = new ProcessStartInfo("prometheus")
        {
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RealPrometheus(process, directory, port);
    }

    /// <summary>Waits until the instant query returns at least one series, then returns them (labels without <c>__name__</c>, value).</summary>
    public async Task<IReadOnlyList<(Dictionary<string, string> Labels, double Value)>> QueryUntilAnyAsync(string promql, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await QueryAsync(promql) is { Count: > 0 } result)
            {
                return result;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new ShouldAssertException($"Prometheus returned nothing for {promql} within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }
    }

    private async Task<IReadOnlyList<(Dictionary<string, string> Labels, double Value)>?> QueryAsync(string promql)
    {
        try
        {
            using var response = await _client.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return [.. json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => (
                series.GetProperty("metric").EnumerateObject()
                    .Where(label => label.Name != "__name__")
                    .ToDictionary(label => label.Name, label => label.Value.GetString()!, StringComparer.Ordinal),
                double.Parse(series.GetProperty("value")[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)))];
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
