namespace Cutover.Core.Logs.MetricFilters;

/// <summary>A property a JSON selector picked out of a line: its text, and its value as a number when it is one.</summary>
internal sealed record SelectedValue(string Text, double? Number);
