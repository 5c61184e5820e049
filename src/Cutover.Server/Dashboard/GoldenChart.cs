namespace Cutover.Server.Dashboard;

/// <summary>A time-series widget of the golden-signals dashboard, with its queries ready to fill in.</summary>
/// <param name="Id">Stable id, from the title.</param>
/// <param name="Title">The heading.</param>
/// <param name="Unit">The unit's name in the neutral JSON, such as <c>perSecond</c>.</param>
/// <param name="Optional">The series may not exist for every service.</param>
/// <param name="Queries">Each metric: its legend label and PromQL with <c>$version</c> and <c>$window</c> left open.</param>
internal sealed record GoldenChart(string Id, string Title, string Unit, bool Optional, IReadOnlyList<(string Label, string Template)> Queries);
