namespace Cutover.Core.Logs.Queries;

/// <summary>A field or column name as the query wrote it, not yet resolved; the planner replaces every one.</summary>
public sealed record LogNameOperand(string Name, int Position) : LogOperand;
