namespace Cutover.Local.Logs;

/// <summary>A query as SQL over <c>logs.db</c>, its parameters, and how to read each output column.</summary>
internal sealed record CompiledLogQuery(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters, IReadOnlyList<LogColumnFormat> Formats);
