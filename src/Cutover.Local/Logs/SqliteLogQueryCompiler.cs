using System.Globalization;
using System.Text;
using Cutover.Core.Logs.Queries;

namespace Cutover.Local.Logs;

/// <summary>
/// Compiles a <see cref="LogQueryPlan"/> to one SQL statement over the <c>logs</c> table: full-text terms through the
/// FTS5 trigram index, fields as columns or <c>json_extract</c> of the attributes, <c>stats</c> as GROUP BY in a
/// sub-select so later filters and sorts can name its columns. Every value is a parameter.
/// </summary>
internal sealed class SqliteLogQueryCompiler
{
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    public static CompiledLogQuery Compile(LogQueryPlan plan, DateTimeOffset? from, DateTimeOffset? until) =>
        new SqliteLogQueryCompiler().CompilePlan(plan, from, until);

    /// <summary>The conditions of a plain listing, with the same full-text path as queries.</summary>
    public static (string Where, IReadOnlyList<KeyValuePair<string, object>> Parameters) CompileFilter(LogListFilter filter)
    {
        var compiler = new SqliteLogQueryCompiler();
        var conditions = new List<string>();
        if (filter.Version is { } version)
        {
            conditions.Add($"version = {compiler.Parameter(version)}");
        }

        if (filter.Instance is { } instance)
        {
            conditions.Add($"instance = {compiler.Parameter(instance)}");
        }

        if (filter.Levels.Count > 0)
        {
            conditions.Add($"level IN ({string.Join(", ", filter.Levels.Select(l => compiler.Parameter(l)))})");
        }

        if (filter.Since is { } since)
        {
            conditions.Add($"ts >= {compiler.Parameter(since.ToUnixTimeMilliseconds())}");
        }

        if (filter.AfterId is { } after)
        {
            conditions.Add($"id > {compiler.Parameter(after)}");
        }

        if (filter.Text is { Length: > 0 } text)
        {
            compiler.AddFullText(conditions, [text]);
            conditions.Add($"instr(message, {compiler.Parameter(text)}) > 0");
        }

        return (conditions.Count == 0 ? "1" : string.Join(" AND ", conditions), compiler._parameters);
    }

    private CompiledLogQuery CompilePlan(LogQueryPlan plan, DateTimeOffset? from, DateTimeOffset? until)
    {
        var conditions = new List<string>();
        if (from is { } start)
        {
            conditions.Add($"ts >= {Parameter(start.ToUnixTimeMilliseconds())}");
        }

        if (until is { } end)
        {
            conditions.Add($"ts < {Parameter(end.ToUnixTimeMilliseconds())}");
        }

        AddFullText(conditions, plan.FullTextTerms);
        if (plan.Where is { } where)
        {
            conditions.Add(Expression(where));
        }

        var whereSql = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        var formats = plan.Columns.Select(Format).ToList();
        var sql = new StringBuilder();
        if (!plan.IsAggregate)
        {
            sql.Append("SELECT ").AppendJoin(", ", plan.Columns.Select((c, i) => $"{FieldSql(((LogFieldColumn)c).Field)} AS c{i}"));
            sql.Append(" FROM logs").Append(whereSql);
            sql.Append(" ORDER BY ").AppendJoin(", ", plan.Sort.Select(SortSql));
            // Ties (lines of the same millisecond) in the order they were stored, newest first like the timestamp.
            sql.Append(", id ").Append(plan.Sort[0].Descending ? "DESC" : "ASC");
        }
        else
        {
            var groups = plan.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column is not LogAggregateColumn).ToList();
            sql.Append("SELECT * FROM (SELECT ").AppendJoin(", ", plan.Columns.Select((c, i) => $"{ColumnSql(c)} AS c{i}"));
            sql.Append(" FROM logs").Append(whereSql);
            if (groups.Count > 0)
            {
                sql.Append(" GROUP BY ").AppendJoin(", ", groups.Select(g => $"c{g.Index}"));
            }

            sql.Append(')');
            if (plan.Having is { } having)
            {
                sql.Append(" WHERE ").Append(Expression(having));
            }

            sql.Append(" ORDER BY ").AppendJoin(", ", plan.Sort.Select(SortSql));
        }

        sql.Append(" LIMIT ").Append(Parameter((long)plan.Limit));
        return new CompiledLogQuery(sql.ToString(), _parameters, formats);
    }

    /// <summary>
    /// Candidate lines for text every message must contain, from the trigram index: each term's trigrams (every
    /// third one and the last, which covers the term) must all be in the line. A detail=none index knows rows, not
    /// positions, so the candidates are a superset; the exact check in the WHERE clause decides. Terms under 3
    /// characters have no trigram and are left to that check alone.
    /// </summary>
    private void AddFullText(List<string> conditions, IReadOnlyList<string> terms)
    {
        var trigrams = terms.SelectMany(Trigrams).Distinct(StringComparer.Ordinal).ToList();
        if (trigrams.Count > 0)
        {
            var match = string.Join(" AND ", trigrams.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            conditions.Add($"id IN (SELECT rowid FROM logs_fts WHERE logs_fts MATCH {Parameter(match)})");
        }
    }

    private static IEnumerable<string> Trigrams(string term)
    {
        var runes = term.EnumerateRunes().ToArray();
        if (runes.Length < 3)
        {
            yield break;
        }

        for (var i = 0; i + 3 <= runes.Length; i += 3)
        {
            yield return string.Concat(runes.AsSpan(i, 3).ToArray().Select(r => r.ToString()));
        }

        if (runes.Length % 3 != 0)
        {
            yield return string.Concat(runes[^3..].Select(r => r.ToString()));
        }
    }

    private static LogColumnFormat Format(LogColumn column) => column switch
    {
        LogBinColumn => LogColumnFormat.Timestamp,
        LogFieldColumn { Field.Kind: LogFieldKind.Timestamp } => LogColumnFormat.Timestamp,
        LogAggregateColumn { Function: LogAggregateFunction.Min or LogAggregateFunction.Max, Field.Kind: LogFieldKind.Timestamp } => LogColumnFormat.Timestamp,
        _ => LogColumnFormat.Value,
    };

    private string ColumnSql(LogColumn column) => column switch
    {
        LogFieldColumn field => FieldSql(field.Field),
        LogBinColumn bin => $"(ts / {(long)bin.Width.TotalMilliseconds}) * {(long)bin.Width.TotalMilliseconds}",
        LogAggregateColumn aggregate => AggregateSql(aggregate),
        _ => throw new InvalidOperationException($"unknown column {column}"),
    };

    private string AggregateSql(LogAggregateColumn aggregate)
    {
        var field = aggregate.Field is { } f ? FieldSql(f) : "*";
        return aggregate.Function switch
        {
            LogAggregateFunction.Count => $"count({field})",
            LogAggregateFunction.CountDistinct => $"count(DISTINCT {field})",
            LogAggregateFunction.Sum => $"total({field})",
            LogAggregateFunction.Avg => $"avg({field})",
            LogAggregateFunction.Min => $"min({field})",
            LogAggregateFunction.Max => $"max({field})",
            LogAggregateFunction.Percentile => $"pct({field}, {Parameter(aggregate.Percentile ?? 50)})",
            _ => throw new InvalidOperationException($"unknown aggregate {aggregate.Function}"),
        };
    }

    private string SortSql(LogSortKey key) => $"{Operand(key.Target)} {(key.Descending ? "DESC" : "ASC")}";

    private string FieldSql(LogField field) => field.Kind switch
    {
        LogFieldKind.Timestamp => "ts",
        LogFieldKind.Message => "message",
        LogFieldKind.Level => "level",
        LogFieldKind.Category => "category",
        LogFieldKind.Version => "version",
        LogFieldKind.Instance => "instance",
        LogFieldKind.TraceId => "trace_id",
        LogFieldKind.SpanId => "span_id",
        LogFieldKind.EventId => "event_id",
        _ => $"json_extract(attributes, {Parameter("$" + string.Concat(field.Path.Select(p => ".\"" + p + "\"")))})",
    };

    private string Expression(LogExpression expression) => expression switch
    {
        LogAnd and => $"({Expression(and.Left)} AND {Expression(and.Right)})",
        LogOr or => $"({Expression(or.Left)} OR {Expression(or.Right)})",
        LogNot not => $"(NOT {Expression(not.Inner)})",
        LogComparison comparison => $"({Operand(comparison.Left)} {Operator(comparison.Operator)} {Operand(comparison.Right)})",
        LogMatch { IsRegex: false } match => $"(instr({Operand(match.Subject)}, {Parameter(match.Pattern)}) {(match.Negated ? "= 0" : "> 0")})",
        LogMatch match => match.Negated
            ? $"(NOT ({Operand(match.Subject)} REGEXP {Parameter(match.Pattern)}))"
            : $"({Operand(match.Subject)} REGEXP {Parameter(match.Pattern)})",
        LogIn @in => $"({Operand(@in.Subject)} {(@in.Negated ? "NOT IN" : "IN")} ({string.Join(", ", @in.Values.Select(Operand))}))",
        _ => throw new InvalidOperationException($"unknown expression {expression}"),
    };

    private static string Operator(LogComparisonOperator op) => op switch
    {
        LogComparisonOperator.Equal => "=",
        LogComparisonOperator.NotEqual => "!=",
        LogComparisonOperator.Less => "<",
        LogComparisonOperator.LessOrEqual => "<=",
        LogComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private string Operand(LogOperand operand) => operand switch
    {
        LogFieldOperand field => FieldSql(field.Field),
        LogColumnOperand column => $"c{column.Index}",
        LogStringLiteral text => Parameter(text.Value),
        LogNumberLiteral number => number.Value == Math.Floor(number.Value) && Math.Abs(number.Value) < 9e15
            ? Parameter((long)number.Value)
            : Parameter(number.Value),
        _ => throw new InvalidOperationException($"the planner left {operand} unresolved"),
    };

    private string Parameter(object value)
    {
        var name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new KeyValuePair<string, object>(name, value));
        return name;
    }
}
