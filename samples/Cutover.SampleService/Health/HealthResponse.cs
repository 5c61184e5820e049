namespace Cutover.SampleService.Health;

/// <summary>Body of the health endpoints.</summary>
internal sealed record HealthResponse(string Status);
