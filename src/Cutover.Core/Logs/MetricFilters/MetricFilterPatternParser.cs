using System.Globalization;
using System.Text;

namespace Cutover.Core.Logs.MetricFilters;

/// <summary>
/// Recursive-descent parser of metric filter patterns. Term pattern: terms separated by spaces, each optionally
/// prefixed by <c>?</c> or <c>-</c>, quoted when it holds spaces or punctuation. JSON selector:
/// <c>{ selector }</c> where a selector is <c>$.a.b op value</c> combined with <c>&amp;&amp;</c>, <c>||</c> and parentheses.
/// </summary>
internal sealed class MetricFilterPatternParser
{
    private const string TermExample = "\"checkout failed\", ERROR or ?ERROR ?WARN";
    private const string SelectorExample = "{ $.level = \"Error\" }";

    private readonly string _text;
    private int _position;

    private MetricFilterPatternParser(string text) => _text = text;

    public static MetricFilterPatternParseResult Parse(string text)
    {
        var parser = new MetricFilterPatternParser(text);
        try
        {
            return new MetricFilterPatternParseResult(parser.ParsePattern(), null);
        }
        catch (MetricFilterPatternException ex)
        {
            return new MetricFilterPatternParseResult(null, ex.Error);
        }
    }

    private MetricFilterPattern ParsePattern()
    {
        SkipSpaces();
        if (AtEnd)
        {
            return new MetricFilterPattern(_text, [], null);
        }

        if (Peek == '[')
        {
            throw Fail(
                "space-delimited patterns ([field1, field2, ...]) are not supported",
                $"use terms such as {TermExample}, or a JSON selector such as {SelectorExample}");
        }

        if (Peek == '{')
        {
            _position++;
            var selector = ParseOr();
            SkipSpaces();
            Expect('}', "a closing } after the selector");
            SkipSpaces();
            if (!AtEnd)
            {
                throw Fail($"unexpected \"{_text[_position..]}\" after the selector's closing }}", "delete it: a JSON selector is one { ... }");
            }

            return new MetricFilterPattern(_text, [], selector);
        }

        return new MetricFilterPattern(_text, ParseTerms(), null);
    }

    private List<MetricFilterTerm> ParseTerms()
    {
        var terms = new List<MetricFilterTerm>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd)
            {
                return terms;
            }

            var kind = Peek switch
            {
                '?' => MetricFilterTermKind.Optional,
                '-' => MetricFilterTermKind.Excluded,
                _ => MetricFilterTermKind.Required,
            };
            var start = _position;
            if (kind != MetricFilterTermKind.Required)
            {
                _position++;
            }

            string text;
            if (!AtEnd && Peek == '"')
            {
                text = ParseString();
                if (!AtEnd && !char.IsWhiteSpace(Peek))
                {
                    throw Fail("a quoted term must be followed by a space or the end", "put a space between terms");
                }
            }
            else
            {
                var wordStart = _position;
                while (!AtEnd && !char.IsWhiteSpace(Peek))
                {
                    if (Peek == '"')
                    {
                        throw Fail("a quote in the middle of a term", $"quote the whole term, such as {TermExample}");
                    }

                    _position++;
                }

                text = _text[wordStart.._position];
                if (text.Length > 1 && text[0] == '%' && text[^1] == '%')
                {
                    _position = wordStart;
                    throw Fail("regular expressions in patterns (%...%) are not supported", $"use terms such as {TermExample}");
                }
            }

            if (text.Length == 0)
            {
                _position = start;
                throw Fail(
                    kind == MetricFilterTermKind.Required ? "the term is empty" : $"\"{_text[start]}\" is not followed by a term",
                    $"write terms such as {TermExample}");
            }

            terms.Add(new MetricFilterTerm(text, kind));
        }
    }

    private JsonSelector ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||"))
        {
            left = new JsonSelectorOr(left, ParseAnd());
        }

        return left;
    }

    private JsonSelector ParseAnd()
    {
        var left = ParsePrimary();
        while (TryConsume("&&"))
        {
            left = new JsonSelectorAnd(left, ParsePrimary());
        }

        return left;
    }

    private JsonSelector ParsePrimary()
    {
        SkipSpaces();
        if (TryConsume("("))
        {
            var inner = ParseOr();
            SkipSpaces();
            Expect(')', "a closing )");
            return inner;
        }

        return ParseComparison();
    }

    private JsonSelectorComparison ParseComparison()
    {
        SkipSpaces();
        if (AtEnd || Peek != '$')
        {
            throw Fail($"expected a property such as $.level, got {Describe()}", $"write a comparison such as {SelectorExample}");
        }

        _position++;
        var path = new List<string>();
        while (!AtEnd && Peek == '.')
        {
            _position++;
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek is '_' or '-' or '@'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw Fail($"expected a property name after \".\", got {Describe()}", "write a path such as $.level or $.State.StatusCode");
            }

            path.Add(_text[start.._position]);
        }

        if (path.Count == 0)
        {
            throw Fail($"expected \".\" and a property name after $, got {Describe()}", "write a path such as $.level");
        }

        if (!AtEnd && Peek == '[')
        {
            throw Fail("array indexes such as $.a[0] are not supported", "select a property of an object, such as $.level");
        }

        SkipSpaces();
        var operatorAt = _position;
        var op = ParseOperator();
        SkipSpaces();
        var valueAt = _position;
        if (!AtEnd && Peek == '"')
        {
            var text = ParseString();
            if (op is not (JsonSelectorOperator.Equal or JsonSelectorOperator.NotEqual))
            {
                _position = operatorAt;
                throw Fail("text can only be compared with = or !=", "compare numbers with <, <=, > and >=, or use = \"text\"");
            }

            return new JsonSelectorComparison(path, op, text, null);
        }

        while (!AtEnd && !char.IsWhiteSpace(Peek) && Peek is not (')' or '}' or '&' or '|'))
        {
            _position++;
        }

        var word = _text[valueAt.._position];
        if (word.Length == 0)
        {
            _position = valueAt;
            throw Fail($"expected a value, got {Describe()}", "write a number such as 500 or quoted text such as \"Error\"");
        }

        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return new JsonSelectorComparison(path, op, null, number);
        }

        if (op is not (JsonSelectorOperator.Equal or JsonSelectorOperator.NotEqual))
        {
            _position = valueAt;
            throw Fail($"\"{word}\" is not a number", "compare with a number such as 500");
        }

        // CloudWatch accepts unquoted text after = and !=, such as { $.eventType = UpdateTrail }.
        return new JsonSelectorComparison(path, op, word, null);
    }

    private JsonSelectorOperator ParseOperator()
    {
        foreach (var (token, op) in new (string, JsonSelectorOperator)[]
        {
            ("!=", JsonSelectorOperator.NotEqual), ("<=", JsonSelectorOperator.LessOrEqual), (">=", JsonSelectorOperator.GreaterOrEqual),
            ("=", JsonSelectorOperator.Equal), ("<", JsonSelectorOperator.Less), (">", JsonSelectorOperator.Greater),
        })
        {
            var start = _position;
            if (TryConsume(token))
            {
                // "==" reads as = to a programmer; CloudWatch writes a single =.
                if (op == JsonSelectorOperator.Equal && !AtEnd && Peek == '=')
                {
                    _position = start;
                    throw Fail("\"==\" is not an operator", "write a single =, as CloudWatch does");
                }

                return op;
            }
        }

        throw Fail($"expected an operator (=, !=, <, <=, >, >=), got {Describe()}", $"write a comparison such as {SelectorExample}");
    }

    /// <summary>A double-quoted string; <c>\"</c> and <c>\\</c> are escapes.</summary>
    private string ParseString()
    {
        var start = _position;
        _position++;
        var value = new StringBuilder();
        while (!AtEnd && Peek != '"')
        {
            if (Peek == '\\' && _position + 1 < _text.Length)
            {
                _position++;
            }

            value.Append(Peek);
            _position++;
        }

        if (AtEnd)
        {
            _position = start;
            throw Fail("the quoted text is not closed", "add the closing \"");
        }

        _position++;
        return value.ToString();
    }

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private void Expect(char expected, string what)
    {
        if (AtEnd || Peek != expected)
        {
            throw Fail($"expected {what}, got {Describe()}", $"add {expected}");
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek))
        {
            _position++;
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek => _text[_position];

    private string Describe() => AtEnd ? "the end of the pattern" : $"\"{_text[_position]}\"";

    private MetricFilterPatternException Fail(string problem, string fix) => new(new MetricFilterPatternError(_position + 1, problem, fix));
}
