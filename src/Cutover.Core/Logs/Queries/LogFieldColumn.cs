namespace Cutover.Core.Logs.Queries;

/// <summary>A field of each line (<c>fields level</c>), or a grouping field of <c>stats ... by level</c>.</summary>
public sealed record LogFieldColumn(string Name, LogField Field) : LogColumn(Name);
