using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cutover.Core.Manifest;

namespace Cutover.Core.Logs.Queries.Syntax;

/// <summary>
/// Recursive-descent parser of the query language, modelled on CloudWatch Logs Insights. Grammar:
/// <code>
/// query     = stage ("|" stage)*
/// stage     = "fields" field ("as" name)? ("," ...)*  |  "filter" or  |  "stats" aggregate ("," aggregate)* ("by" group ("," group)*)?
///           | "sort" key ("asc" | "desc")? ("," ...)*  |  "limit" integer
/// or        = and ("or" and)*          and = unary ("and" unary)*          unary = "not" unary | "(" or ")" | predicate
/// predicate = operand (op operand | "not"? "like" (string | regex) | "=~" regex | "not"? "in" "[" operand ("," operand)* "]")
/// operand   = field | string | number                                       group = "bin" "(" duration ")" | field
/// </code>
/// Stops at the first error, which carries the position and what was expected there. The exception inside only
/// unwinds the recursion; <see cref="TryParse"/> turns it into a value.
/// </summary>
internal sealed class LogQuerySyntax
{
    private const string CommandList = "a command: fields, filter, stats, sort or limit";
    private const string OperandList = "a field name, text in quotes or a number";
    private const string FunctionList = "count, count_distinct, sum, avg, min, max or pct";

    private static readonly string[] Commands = ["fields", "filter", "stats", "sort", "limit"];

    private static readonly string[] Functions = ["count", "count_distinct", "sum", "avg", "min", "max", "pct", "percentile"];

    // Words that end an operand: a field with one of these names is written in backticks, such as `in`.
    private static readonly string[] Reserved = ["and", "or", "not", "like", "in", "by", "as", "asc", "desc"];

    private readonly List<LogQueryToken> _tokens;
    private int _index;

    private LogQuerySyntax(List<LogQueryToken> tokens) => _tokens = tokens;

    public static bool TryParse(string text, [NotNullWhen(true)] out List<QueryStage>? stages, [NotNullWhen(false)] out LogQueryError? error)
    {
        stages = null;
        if (!LogQueryLexer.TryTokenize(text, out var tokens, out error))
        {
            return false;
        }

        try
        {
            stages = new LogQuerySyntax(tokens).ParseQuery();
            return true;
        }
        catch (LogQueryException ex)
        {
            error = ex.Error;
            return false;
        }
    }

    private LogQueryToken Current => _tokens[_index];

    private LogQueryToken Next() => _tokens[_index++];

    private List<QueryStage> ParseQuery()
    {
        if (Current.Kind == LogQueryTokenKind.End)
        {
            throw Fail(Current, "the query is empty", $"{CommandList}, such as filter level = \"Error\"");
        }

        var stages = new List<QueryStage>();
        while (true)
        {
            if (Current.Kind == LogQueryTokenKind.End)
            {
                throw Fail(Current, "the query ends with |", CommandList);
            }

            stages.Add(ParseStage());
            if (Current.Kind == LogQueryTokenKind.End)
            {
                return stages;
            }

            if (Current.Kind != LogQueryTokenKind.Pipe)
            {
                throw Fail(Current, $"unexpected {Current.Describe()}", "| before the next command, or the end of the query");
            }

            Next();
        }
    }

    private QueryStage ParseStage()
    {
        var command = Next();
        if (command.Kind != LogQueryTokenKind.Identifier)
        {
            throw Fail(command, $"expected a command, got {command.Describe()}", CommandList);
        }

        switch (command.Text.ToLowerInvariant())
        {
            case "fields":
                return new FieldsStage(command.Position, List(ParseFieldItem));
            case "filter":
                return new FilterStage(command.Position, ParseOr());
            case "stats":
                var aggregates = List(ParseAggregate);
                var groups = new List<GroupItem>();
                if (Current.Is("by"))
                {
                    Next();
                    groups = List(ParseGroup);
                }

                return new StatsStage(command.Position, aggregates, groups);
            case "sort":
                return new SortStage(command.Position, List(ParseSortItem));
            case "limit":
                var count = Next();
                if (count.Kind != LogQueryTokenKind.Number || count.Number != Math.Floor(count.Number) || count.Number < 1 || count.Number > LogQueryPlan.MaxLimit)
                {
                    throw Fail(count, $"limit needs a whole number, got {count.Describe()}", $"a number from 1 to {LogQueryPlan.MaxLimit}");
                }

                return new LimitStage(command.Position, (int)count.Number);
            default:
                var suggestion = Suggestions.Closest(command.Text.ToLowerInvariant(), Commands);
                throw Fail(command, $"unknown command \"{command.Text}\"", suggestion is null ? CommandList : $"\"{suggestion}\" ({CommandList})");
        }
    }

    private List<T> List<T>(Func<T> item)
    {
        var items = new List<T> { item() };
        while (Current.Kind == LogQueryTokenKind.Comma)
        {
            Next();
            items.Add(item());
        }

        return items;
    }

    private FieldItem ParseFieldItem()
    {
        var field = ParseName("a field name, such as @message or level");
        return new FieldItem(field, ParseAlias());
    }

    private string? ParseAlias()
    {
        if (!Current.Is("as"))
        {
            return null;
        }

        Next();
        var alias = Next();
        if (alias.Kind != LogQueryTokenKind.Identifier || IsReserved(alias))
        {
            throw Fail(alias, $"expected a name after as, got {alias.Describe()}", "a column name, such as requests");
        }

        return alias.Value;
    }

    private LogNameOperand ParseName(string expected)
    {
        var token = Next();
        if (token.Kind != LogQueryTokenKind.Identifier || IsReserved(token))
        {
            throw Fail(token, $"expected a field name, got {token.Describe()}", expected);
        }

        return new LogNameOperand(token.Value, token.Position);
    }

    private LogExpression ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("or"))
        {
            Next();
            left = new LogOr(left, ParseAnd());
        }

        return left;
    }

    private LogExpression ParseAnd()
    {
        var left = ParseUnary();
        while (Current.Is("and"))
        {
            Next();
            left = new LogAnd(left, ParseUnary());
        }

        return left;
    }

    private LogExpression ParseUnary()
    {
        if (Current.Is("not"))
        {
            Next();
            return new LogNot(ParseUnary());
        }

        if (Current.Kind == LogQueryTokenKind.LeftParen)
        {
            Next();
            var inner = ParseOr();
            if (Current.Kind != LogQueryTokenKind.RightParen)
            {
                throw Fail(Current, $"unexpected {Current.Describe()} inside parentheses", ") to close the (, or and / or to join another condition");
            }

            Next();
            return inner;
        }

        return ParsePredicate();
    }

    private LogExpression ParsePredicate()
    {
        if (Current.Kind == LogQueryTokenKind.End || Current.Kind == LogQueryTokenKind.Pipe)
        {
            throw Fail(Current, $"expected a condition, got {Current.Describe()}", "a condition such as level = \"Error\" or @message like /timeout/");
        }

        var left = ParseOperand();
        var op = Current;
        LogComparisonOperator? comparison = op.Kind switch
        {
            LogQueryTokenKind.Equal => LogComparisonOperator.Equal,
            LogQueryTokenKind.NotEqual => LogComparisonOperator.NotEqual,
            LogQueryTokenKind.Less => LogComparisonOperator.Less,
            LogQueryTokenKind.LessOrEqual => LogComparisonOperator.LessOrEqual,
            LogQueryTokenKind.Greater => LogComparisonOperator.Greater,
            LogQueryTokenKind.GreaterOrEqual => LogComparisonOperator.GreaterOrEqual,
            _ => null,
        };
        if (comparison is { } comparisonOperator)
        {
            Next();
            return new LogComparison(left, comparisonOperator, ParseOperand());
        }

        if (op.Kind == LogQueryTokenKind.RegexMatch)
        {
            Next();
            var regex = Next();
            if (regex.Kind != LogQueryTokenKind.Regex)
            {
                throw Fail(regex, $"=~ needs a regular expression, got {regex.Describe()}", "a regular expression between slashes, such as /time(d )?out/");
            }

            return new LogMatch(left, regex.Value, IsRegex: true, Negated: false);
        }

        var negated = false;
        if (op.Is("not"))
        {
            Next();
            negated = true;
            if (!Current.Is("like") && !Current.Is("in"))
            {
                throw Fail(Current, $"unexpected {Current.Describe()} after not", "like or in, as in @message not like /health/");
            }
        }

        if (Current.Is("like"))
        {
            Next();
            var pattern = Next();
            if (pattern.Kind is not (LogQueryTokenKind.String or LogQueryTokenKind.Regex))
            {
                throw Fail(pattern, $"like needs text or a regular expression, got {pattern.Describe()}", "text in quotes, such as \"timeout\", or a regular expression such as /time(d )?out/");
            }

            return new LogMatch(left, pattern.Value, pattern.Kind == LogQueryTokenKind.Regex, negated);
        }

        if (Current.Is("in"))
        {
            Next();
            if (Current.Kind != LogQueryTokenKind.LeftBracket)
            {
                throw Fail(Current, $"in needs a list, got {Current.Describe()}", "a list in brackets, such as [\"Error\", \"Critical\"]");
            }

            Next();
            var values = List(ParseOperand);
            if (Current.Kind != LogQueryTokenKind.RightBracket)
            {
                throw Fail(Current, $"unexpected {Current.Describe()} in the list", ", and another value, or ] to close the list");
            }

            Next();
            return new LogIn(left, values, negated);
        }

        var name = left is LogNameOperand field ? $"after {field.Name}" : "here";
        throw Fail(op, $"expected a comparison {name}, got {op.Describe()}", "=, !=, <, <=, >, >=, like, not like, =~ or in");
    }

    private LogOperand ParseOperand()
    {
        var token = Next();
        return token.Kind switch
        {
            LogQueryTokenKind.Identifier when !IsReserved(token) => new LogNameOperand(token.Value, token.Position),
            LogQueryTokenKind.String => new LogStringLiteral(token.Value),
            LogQueryTokenKind.Number => new LogNumberLiteral(token.Number),
            LogQueryTokenKind.Regex => throw Fail(token, "a regular expression can only follow like or =~", "like /regex/, or text in quotes for ="),
            _ => throw Fail(token, $"expected a value, got {token.Describe()}", OperandList),
        };
    }

    private AggregateItem ParseAggregate()
    {
        var (function, argument, percentile, text, position) = ParseCall();
        return new AggregateItem(function, argument, percentile, ParseAlias(), text, position);
    }

    /// <summary>A function call such as <c>count()</c>, <c>count(*)</c>, <c>avg(x)</c> or <c>pct(x, 99)</c>, with its canonical text.</summary>
    private (string Function, LogNameOperand? Argument, double? Percentile, string Text, int Position) ParseCall()
    {
        var name = Next();
        if (name.Kind != LogQueryTokenKind.Identifier || IsReserved(name))
        {
            throw Fail(name, $"expected an aggregate function, got {name.Describe()}", $"{FunctionList}, such as count()");
        }

        var function = name.Text.ToLowerInvariant();
        if (!Functions.Contains(function))
        {
            var suggestion = Suggestions.Closest(function, Functions);
            throw Fail(name, $"unknown function \"{name.Text}\"", suggestion is null ? FunctionList : $"\"{suggestion}\" ({FunctionList})");
        }

        if (Current.Kind != LogQueryTokenKind.LeftParen)
        {
            throw Fail(Current, $"expected ( after {name.Text}, got {Current.Describe()}", $"{function}(...), such as count() or avg(DurationMs)");
        }

        Next();
        LogNameOperand? argument = null;
        double? percentile = null;
        var star = false;
        if (Current.Kind == LogQueryTokenKind.Star && function == "count")
        {
            Next();
            star = true;
        }
        else if (Current.Kind != LogQueryTokenKind.RightParen || function != "count")
        {
            argument = ParseName($"the field to aggregate, such as {function}(DurationMs)");
        }

        if (function is "pct" or "percentile")
        {
            if (Current.Kind != LogQueryTokenKind.Comma)
            {
                throw Fail(Current, $"{function} needs a percentile after the field, got {Current.Describe()}", $", and a number from 0 to 100, such as {function}({argument!.Name}, 99)");
            }

            Next();
            var number = Next();
            if (number.Kind != LogQueryTokenKind.Number || number.Number is < 0 or > 100)
            {
                throw Fail(number, $"expected a percentile, got {number.Describe()}", "a number from 0 to 100, such as 99 or 99.9");
            }

            percentile = number.Number;
        }

        if (Current.Kind != LogQueryTokenKind.RightParen)
        {
            throw Fail(Current, $"unexpected {Current.Describe()} in {name.Text}(...)", ") to close the call");
        }

        Next();
        var inner = star ? "*" : argument?.Name ?? string.Empty;
        if (percentile is { } p)
        {
            inner += ", " + p.ToString(CultureInfo.InvariantCulture);
        }

        return (function, argument, percentile, $"{function}({inner})", name.Position);
    }

    private GroupItem ParseGroup()
    {
        var start = Current;
        if (start.Is("bin") && _tokens[_index + 1].Kind == LogQueryTokenKind.LeftParen)
        {
            Next();
            Next();
            var width = Next();
            if (width.Kind != LogQueryTokenKind.Duration)
            {
                throw Fail(width, $"bin needs a duration, got {width.Describe()}", "a duration such as 30s, 1m, 5m or 1h");
            }

            if (Current.Kind != LogQueryTokenKind.RightParen)
            {
                throw Fail(Current, $"unexpected {Current.Describe()} in bin(...)", ") to close bin(");
            }

            Next();
            return new GroupItem(null, width.Duration, ParseAlias(), $"bin({width.Text})", start.Position);
        }

        var field = ParseName("a field to group by, such as level, or bin(1m)");
        return new GroupItem(field, null, ParseAlias(), field.Name, start.Position);
    }

    private SortItem ParseSortItem()
    {
        var start = Current;
        string name;
        if (start.Kind == LogQueryTokenKind.Identifier && _tokens[_index + 1].Kind == LogQueryTokenKind.LeftParen)
        {
            name = ParseCall().Text;
        }
        else
        {
            name = ParseName("a field or column to sort by, such as @timestamp or count").Name;
        }

        var descending = false;
        if (Current.Is("desc") || Current.Is("asc"))
        {
            descending = Next().Is("desc");
        }

        return new SortItem(name, descending, start.Position);
    }

    private static bool IsReserved(LogQueryToken token) => Reserved.Any(token.Is);

    private static LogQueryException Fail(LogQueryToken at, string problem, string expected) => new(new LogQueryError(at.Position, problem, expected));
}
