using Cutover.SampleService;
using Cutover.SampleService.FeatureFlags;
using Cutover.SampleService.Greeting;
using Cutover.SampleService.Health;
using Cutover.SampleService.Hosting;
using Cutover.Telemetry;

if (await HealthProbe.RunIfRequestedAsync(args, Console.Error, CancellationToken.None) is { } probeExitCode)
{
    return probeExitCode;
}

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.AddSampleService();
builder.AddSampleFeatureFlags();
builder.AddCutoverTelemetry(telemetry => telemetry.DescribeSampleService(configuration));

await using var app = builder.Build();
if (app.ExitCodeBeforeStart(configuration) is { } exitCode)
{
    return exitCode;
}

app.MapGreetingApi();
app.MapHealthApi();

await app.RunAsync();
return ExitCodes.Success;
