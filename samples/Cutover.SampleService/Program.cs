using Cutover.SampleService;
using Cutover.SampleService.Greeting;
using Cutover.SampleService.Health;
using Cutover.SampleService.Hosting;
using Cutover.SampleService.Metrics;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.AddSampleService();

await using var app = builder.Build();
if (app.ExitCodeBeforeStart(configuration) is { } exitCode)
{
    return exitCode;
}

app.UseRequestMetrics();
app.MapGreetingApi();
app.MapHealthApi();
app.MapMetricsApi();

await app.RunAsync();
return ExitCodes.Success;
