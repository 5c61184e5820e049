namespace Cutover.SampleService.Greeting;

/// <summary>Body of <c>GET /</c>: which version and instance answered.</summary>
internal sealed record GreetingResponse(string Version, string Instance, string Greeting);
