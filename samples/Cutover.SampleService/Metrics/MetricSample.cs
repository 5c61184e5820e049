namespace Cutover.SampleService.Metrics;

/// <summary>One line of exposition: a sample name (the family name or one of its suffixes), its labels and value.</summary>
internal readonly record struct MetricSample(string Name, IReadOnlyList<Label> Labels, double Value);
