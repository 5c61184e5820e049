using System.Globalization;
using Cutover.Core.Logs.Queries.Syntax;

namespace Cutover.Core.Logs.Queries;

/// <summary>
/// Turns parsed stages into a <see cref="LogQueryPlan"/>: resolves names to fields (before <c>stats</c>) or output
/// columns (after it), checks that every <c>sort</c> key exists, rewrites level and timestamp comparisons into what a
/// store compares, and picks the full-text terms. Like the parser it stops at the first error.
/// </summary>
internal sealed class LogQueryPlanner
{
    private static readonly LogColumn[] DefaultColumns =
    [
        new LogFieldColumn("@timestamp", LogField.Timestamp),
        new LogFieldColumn("level", LogField.Level),
        new LogFieldColumn("version", LogField.Version),
        new LogFieldColumn("instance", LogField.Instance),
        new LogFieldColumn("@message", LogField.Message),
    ];

    private static readonly Dictionary<string, LogAggregateFunction> FunctionsByName = new(StringComparer.Ordinal)
    {
        ["count"] = LogAggregateFunction.Count,
        ["count_distinct"] = LogAggregateFunction.CountDistinct,
        ["sum"] = LogAggregateFunction.Sum,
        ["avg"] = LogAggregateFunction.Avg,
        ["min"] = LogAggregateFunction.Min,
        ["max"] = LogAggregateFunction.Max,
        ["pct"] = LogAggregateFunction.Percentile,
        ["percentile"] = LogAggregateFunction.Percentile,
    };

    private readonly List<LogColumn> _fields = [];
    private readonly Dictionary<string, LogField> _aliases = new(StringComparer.Ordinal);
    private List<LogColumn>? _statsColumns;
    private int _groupCount;
    private LogExpression? _where;
    private LogExpression? _having;
    private SortStage? _sort;
    private int _limit = LogQueryPlan.DefaultLimit;

    public static LogQueryParseResult Plan(IReadOnlyList<QueryStage> stages)
    {
        var planner = new LogQueryPlanner();
        try
        {
            return new LogQueryParseResult(planner.Build(stages), null);
        }
        catch (LogQueryException ex)
        {
            return new LogQueryParseResult(null, ex.Error);
        }
    }

    private LogQueryPlan Build(IReadOnlyList<QueryStage> stages)
    {
        foreach (var stage in stages)
        {
            switch (stage)
            {
                case FieldsStage fields:
                    AddFields(fields);
                    break;
                case FilterStage filter when _statsColumns is null:
                    _where = _where is null ? ResolveFields(filter.Condition) : new LogAnd(_where, ResolveFields(filter.Condition));
                    break;
                case FilterStage filter:
                    _having = _having is null ? ResolveColumns(filter.Condition) : new LogAnd(_having, ResolveColumns(filter.Condition));
                    break;
                case StatsStage stats:
                    AddStats(stats);
                    break;
                case SortStage sort:
                    _sort = sort;
                    break;
                case LimitStage limit:
                    _limit = limit.Count;
                    break;
            }
        }

        var columns = _statsColumns ?? (_fields.Count > 0 ? _fields : [.. DefaultColumns]);
        return new LogQueryPlan
        {
            Columns = columns,
            Where = _where,
            FullTextTerms = _where is null ? [] : FullTextTerms(_where),
            IsAggregate = _statsColumns is not null,
            Having = _having,
            Sort = SortKeys(columns),
            Limit = _limit,
        };
    }

    private void AddFields(FieldsStage stage)
    {
        if (_statsColumns is not null)
        {
            throw Fail(stage.Position, "fields after stats is not supported", "fields before stats, or name the columns in stats with as");
        }

        foreach (var item in stage.Items)
        {
            var field = ResolveField(item.Field.Name);
            var name = item.Alias ?? item.Field.Name;
            if (item.Alias is not null)
            {
                _aliases[item.Alias] = field;
            }

            _fields.RemoveAll(c => c.Name == name);
            _fields.Add(new LogFieldColumn(name, field));
        }
    }

    private void AddStats(StatsStage stage)
    {
        if (_statsColumns is not null)
        {
            throw Fail(stage.Position, "a query can have only one stats", "one stats with every aggregate, such as stats count(), avg(DurationMs) by bin(1m)");
        }

        var columns = new List<LogColumn>();
        foreach (var group in stage.Groups)
        {
            var name = group.Alias ?? group.Text;
            CheckUnique(columns, name, group.Position);
            columns.Add(group.Bin is { } width
                ? new LogBinColumn(name, width)
                : new LogFieldColumn(name, ResolveField(group.Field!.Name)));
        }

        foreach (var aggregate in stage.Aggregates)
        {
            var name = aggregate.Alias ?? aggregate.Text;
            CheckUnique(columns, name, aggregate.Position);
            columns.Add(new LogAggregateColumn(
                name,
                FunctionsByName[aggregate.Function],
                aggregate.Argument is { } argument ? ResolveField(argument.Name) : null,
                aggregate.Percentile));
        }

        _groupCount = stage.Groups.Count;
        _statsColumns = columns;
    }

    private static void CheckUnique(List<LogColumn> columns, string name, int position)
    {
        if (columns.Any(c => c.Name == name))
        {
            throw Fail(position, $"two columns are named \"{name}\"", $"a different name with as, such as {name} as {name}2");
        }
    }

    private List<LogSortKey> SortKeys(List<LogColumn> columns)
    {
        if (_sort is null)
        {
            return _statsColumns is null
                ? [new LogSortKey(new LogFieldOperand(LogField.Timestamp), Descending: true)]
                : [.. Enumerable.Range(0, Math.Max(_groupCount, 1)).Select(i => new LogSortKey(new LogColumnOperand(columns[i].Name, i), Descending: _groupCount == 0))];
        }

        var keys = new List<LogSortKey>();
        foreach (var item in _sort.Keys)
        {
            LogOperand target = FindColumn(columns, item.Name) is { } index
                ? new LogColumnOperand(columns[index].Name, index)
                : _statsColumns is null
                    ? new LogFieldOperand(ResolveField(item.Name))
                    : throw Fail(item.Position, $"unknown column \"{item.Name}\" in sort", $"a column of stats: {string.Join(", ", columns.Select(c => c.Name))}");
            keys.Add(new LogSortKey(target, item.Descending));
        }

        return keys;
    }

    /// <summary>
    /// A column by its name; for an aggregate also by its function alone (<c>count</c> for <c>count()</c>) when only
    /// one aggregate uses that function, so <c>sort count desc</c> reads as written.
    /// </summary>
    private static int? FindColumn(List<LogColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == name)
            {
                return i;
            }
        }

        var byFunction = columns
            .Select((c, i) => (Column: c, Index: i))
            .Where(c => c.Column is LogAggregateColumn && c.Column.Name.StartsWith(name.ToLowerInvariant() + "(", StringComparison.Ordinal))
            .ToList();
        return byFunction.Count == 1 ? byFunction[0].Index : null;
    }

    private LogField ResolveField(string name) => _aliases.TryGetValue(name, out var aliased) ? aliased : LogField.Resolve(name);

    private LogExpression ResolveFields(LogExpression expression) => expression switch
    {
        LogAnd and => new LogAnd(ResolveFields(and.Left), ResolveFields(and.Right)),
        LogOr or => new LogOr(ResolveFields(or.Left), ResolveFields(or.Right)),
        LogNot not => new LogNot(ResolveFields(not.Inner)),
        LogMatch match => match with { Subject = FieldOperand(match.Subject), IsRegex = match.IsRegex && !IsLiteral(match.Pattern) },
        LogIn @in => ResolveIn(@in),
        LogComparison comparison => ResolveComparison(comparison),
        _ => expression,
    };

    private LogOperand FieldOperand(LogOperand operand) => operand is LogNameOperand name ? new LogFieldOperand(ResolveField(name.Name)) : operand;

    private LogIn ResolveIn(LogIn @in)
    {
        var position = (@in.Subject as LogNameOperand)?.Position ?? 1;
        var subject = FieldOperand(@in.Subject);
        var values = @in.Values.Select(v => Literal(subject, FieldOperand(v), position)).ToList();
        return new LogIn(subject, values, @in.Negated);
    }

    /// <summary>
    /// Field against literal, with the literal made comparable: a level by any spelling (and <c>level &gt;= "Warning"</c>
    /// as that level or worse), a timestamp as text becomes Unix milliseconds.
    /// </summary>
    private LogExpression ResolveComparison(LogComparison comparison)
    {
        var position = (comparison.Left as LogNameOperand ?? comparison.Right as LogNameOperand)?.Position ?? 1;
        var left = FieldOperand(comparison.Left);
        var right = FieldOperand(comparison.Right);
        var op = comparison.Operator;
        if (left is not LogFieldOperand && right is LogFieldOperand)
        {
            (left, right) = (right, left);
            op = Mirror(op);
        }

        right = Literal(left, right, position);
        if (left is LogFieldOperand { Field.Kind: LogFieldKind.Level } level && right is LogStringLiteral { Value: var canonical }
            && op is not (LogComparisonOperator.Equal or LogComparisonOperator.NotEqual))
        {
            var all = LogLevels.All;
            var at = all.ToList().IndexOf(canonical);
            var levels = op switch
            {
                LogComparisonOperator.Less => all.Take(at),
                LogComparisonOperator.LessOrEqual => all.Take(at + 1),
                LogComparisonOperator.Greater => all.Skip(at + 1),
                _ => all.Skip(at),
            };
            return new LogIn(level, [.. levels.Select(l => new LogStringLiteral(l))], Negated: false);
        }

        return new LogComparison(left, op, right);
    }

    private static LogOperand Literal(LogOperand subject, LogOperand value, int position)
    {
        if (subject is not LogFieldOperand { Field.Kind: var kind })
        {
            return value;
        }

        if (kind == LogFieldKind.Level && value is LogStringLiteral level)
        {
            return LogLevels.Normalize(level.Value) is { } canonical
                ? new LogStringLiteral(canonical)
                : throw Fail(position, $"\"{level.Value}\" is not a log level", $"one of {string.Join(", ", LogLevels.All)}");
        }

        if (kind == LogFieldKind.Timestamp && value is LogStringLiteral text)
        {
            return DateTimeOffset.TryParse(text.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? new LogNumberLiteral(at.ToUnixTimeMilliseconds())
                : throw Fail(position, $"\"{text.Value}\" is not a timestamp", "a UTC timestamp such as \"2026-01-01T12:00:00Z\"");
        }

        return value;
    }

    private static LogComparisonOperator Mirror(LogComparisonOperator op) => op switch
    {
        LogComparisonOperator.Less => LogComparisonOperator.Greater,
        LogComparisonOperator.LessOrEqual => LogComparisonOperator.GreaterOrEqual,
        LogComparisonOperator.Greater => LogComparisonOperator.Less,
        LogComparisonOperator.GreaterOrEqual => LogComparisonOperator.LessOrEqual,
        _ => op,
    };

    private LogExpression ResolveColumns(LogExpression expression) => expression switch
    {
        LogAnd and => new LogAnd(ResolveColumns(and.Left), ResolveColumns(and.Right)),
        LogOr or => new LogOr(ResolveColumns(or.Left), ResolveColumns(or.Right)),
        LogNot not => new LogNot(ResolveColumns(not.Inner)),
        LogMatch match => match with { Subject = ColumnOperand(match.Subject) },
        LogIn @in => new LogIn(ColumnOperand(@in.Subject), [.. @in.Values.Select(ColumnOperand)], @in.Negated),
        LogComparison comparison => new LogComparison(ColumnOperand(comparison.Left), comparison.Operator, ColumnOperand(comparison.Right)),
        _ => expression,
    };

    private LogOperand ColumnOperand(LogOperand operand)
    {
        if (operand is not LogNameOperand name)
        {
            return operand;
        }

        var columns = _statsColumns!;
        return FindColumn(columns, name.Name) is { } index
            ? new LogColumnOperand(columns[index].Name, index)
            : throw Fail(name.Position, $"unknown column \"{name.Name}\" after stats", $"a column of stats: {string.Join(", ", columns.Select(c => c.Name))}");
    }

    /// <summary>Substrings the message must contain, from <c>@message like "..."</c> (or a regex without special characters) joined by and at the top.</summary>
    private static List<string> FullTextTerms(LogExpression where)
    {
        var terms = new List<string>();
        Collect(where);
        return terms;

        void Collect(LogExpression expression)
        {
            switch (expression)
            {
                case LogAnd and:
                    Collect(and.Left);
                    Collect(and.Right);
                    break;
                case LogMatch { Subject: LogFieldOperand { Field.Kind: LogFieldKind.Message }, Negated: false, IsRegex: false } match:
                    terms.Add(match.Pattern);
                    break;
            }
        }
    }

    /// <summary>True for a regex without special characters, which only matches its own text: a substring search does the same, faster.</summary>
    private static bool IsLiteral(string pattern) => pattern.Length > 0 && !pattern.Any(c => "\\^$.|?*+()[]{}".Contains(c));

    private static LogQueryException Fail(int position, string problem, string expected) => new(new LogQueryError(position, problem, expected));
}
