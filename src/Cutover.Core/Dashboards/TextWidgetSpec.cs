namespace Cutover.Core.Dashboards;

/// <summary>Text in Markdown, such as a link to the runbook.</summary>
/// <param name="Markdown">The text.</param>
public sealed record TextWidgetSpec(string Markdown) : WidgetSpec;
