using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cutover.Core.Manifest;

namespace Cutover.Core.Alarms;

/// <summary>
/// Recursive-descent parser for metric math that compiles to postfix instructions. Grammar, loosest first:
/// <c>expression = term (("+" | "-") term)*</c>, <c>term = unary (("*" | "/") unary)*</c>,
/// <c>unary = "-" unary | primary</c>, <c>primary = number | id | "(" expression ")"</c>. Stops at the first error.
/// </summary>
internal sealed class MetricMathParser
{
    private const string OperandFix = "write a number, a metric id or a parenthesised expression, such as m1 / m2";

    private readonly string _text;
    private readonly IReadOnlyCollection<string>? _knownIds;
    private readonly List<MetricMathOp> _ops = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _index;
    private MetricMathError? _error;

    private MetricMathParser(string text, IReadOnlyCollection<string>? knownIds)
    {
        _text = text;
        _knownIds = knownIds;
    }

    /// <summary>Parses <paramref name="expression"/>; with <paramref name="knownIds"/>, any other id is an error.</summary>
    public static bool TryParse(
        string expression,
        IReadOnlyCollection<string>? knownIds,
        [NotNullWhen(true)] out MetricMathProgram? program,
        [NotNullWhen(false)] out MetricMathError? error)
    {
        var parser = new MetricMathParser(expression, knownIds);
        parser.ParseAll();
        error = parser._error;
        program = error is null ? new MetricMathProgram(parser._ops, parser._ids) : null;
        return program is not null;
    }

    private void ParseAll()
    {
        SkipSpaces();
        if (AtEnd)
        {
            Fail(1, "the expression is empty", "write an expression such as m1 / m2");
            return;
        }

        ParseExpression();
        SkipSpaces();
        if (_error is not null || AtEnd)
        {
            return;
        }

        var c = _text[_index];
        if (c == ')')
        {
            Fail(Position, $"unexpected ) at position {Position}", "remove it or add the matching (");
        }
        else if (IsOperandStart(c))
        {
            Fail(Position, $"expected an operator at position {Position}, got \"{ReadWord(allowDot: true)}\"", "join the terms with +, -, * or /");
        }
        else
        {
            Fail(Position, $"unexpected \"{c}\" at position {Position}", "use numbers, metric ids, + - * / and parentheses");
        }
    }

    private void ParseExpression()
    {
        ParseTerm();
        while (_error is null && NextOperator('+', '-') is { } op)
        {
            ParseTerm();
            Emit(op == '+' ? MetricMathOpKind.Add : MetricMathOpKind.Subtract);
        }
    }

    private void ParseTerm()
    {
        ParseUnary();
        while (_error is null && NextOperator('*', '/') is { } op)
        {
            ParseUnary();
            Emit(op == '*' ? MetricMathOpKind.Multiply : MetricMathOpKind.Divide);
        }
    }

    private void ParseUnary()
    {
        SkipSpaces();
        if (!AtEnd && _text[_index] == '-')
        {
            _index++;
            ParseUnary();
            Emit(MetricMathOpKind.Negate);
            return;
        }

        ParsePrimary();
    }

    private void ParsePrimary()
    {
        SkipSpaces();
        if (AtEnd)
        {
            Fail(Position, $"the expression ends at position {Position} where a number, a metric id or ( is expected", OperandFix);
            return;
        }

        var start = Position;
        var c = _text[_index];
        if (char.IsAsciiDigit(c) || c == '.')
        {
            var token = ReadWord(allowDot: true);
            if (double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                _ops.Add(new MetricMathOp(MetricMathOpKind.Number, number));
            }
            else
            {
                Fail(start, $"\"{token}\" at position {start} is not a number", "write numbers with digits and at most one decimal point, such as 0.5");
            }
        }
        else if (char.IsAsciiLetter(c) || c == '_')
        {
            Metric(ReadWord(allowDot: false), start);
        }
        else if (c == '(')
        {
            _index++;
            ParseExpression();
            SkipSpaces();
            if (_error is not null)
            {
                return;
            }

            if (AtEnd)
            {
                Fail(start, $"the ( at position {start} is never closed", "add the missing )");
            }
            else if (_text[_index] == ')')
            {
                _index++;
            }
            else
            {
                Fail(Position, $"expected an operator or ) at position {Position}, got \"{_text[_index]}\"", "join the terms with +, -, * or / and close the (");
            }
        }
        else
        {
            Fail(start, $"expected a number, a metric id or ( at position {start}, got \"{c}\"", OperandFix);
        }
    }

    private void Metric(string id, int position)
    {
        if (_knownIds is not null && !_knownIds.Contains(id))
        {
            var suggestion = Suggestions.Closest(id, _knownIds);
            var fix = suggestion is not null
                ? $"did you mean \"{suggestion}\"?"
                : _knownIds.Count == 0
                    ? "declare it under metrics, such as metrics: { m1: { metric: errors5xx, statistic: Sum } }"
                    : $"declare it under metrics, or use one of: {string.Join(", ", _knownIds.Order(StringComparer.Ordinal))}";
            Fail(position, $"unknown metric id \"{id}\" at position {position}", fix);
            return;
        }

        _ids.Add(id);
        _ops.Add(new MetricMathOp(MetricMathOpKind.Metric, Id: id));
    }

    private char? NextOperator(char first, char second)
    {
        SkipSpaces();
        if (AtEnd || (_text[_index] != first && _text[_index] != second))
        {
            return null;
        }

        return _text[_index++];
    }

    private void Emit(MetricMathOpKind kind)
    {
        if (_error is null)
        {
            _ops.Add(new MetricMathOp(kind));
        }
    }

    /// <summary>A run of letters, digits, '_' (and '.' in numbers): an id or a number, or a malformed mix to report whole.</summary>
    private string ReadWord(bool allowDot)
    {
        var start = _index;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[_index]) || _text[_index] == '_' || (allowDot && _text[_index] == '.')))
        {
            _index++;
        }

        return _text[start.._index];
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_index]))
        {
            _index++;
        }
    }

    private void Fail(int position, string problem, string fix) => _error ??= new MetricMathError(position, problem, fix);

    private static bool IsOperandStart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '(';

    private bool AtEnd => _index >= _text.Length;

    /// <summary>1-based position of the next character.</summary>
    private int Position => _index + 1;
}
