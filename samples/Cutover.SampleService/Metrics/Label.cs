namespace Cutover.SampleService.Metrics;

/// <summary>One label of a series, for example <c>code="200"</c>.</summary>
internal readonly record struct Label(string Name, string Value);
