using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cutover.Core.Logs.Queries;

/// <summary>
/// Splits a query into tokens: identifiers (<c>@message</c>, <c>State.Path</c>, or any text in backticks),
/// "strings" or 'strings', /regular expressions/, numbers, durations (<c>5m</c>), and punctuation.
/// </summary>
internal static class LogQueryLexer
{
    private static readonly (string Unit, long Ticks)[] DurationUnits =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
        ("d", TimeSpan.TicksPerDay),
    ];

    public static bool TryTokenize(string text, [NotNullWhen(true)] out List<LogQueryToken>? tokens, [NotNullWhen(false)] out LogQueryError? error)
    {
        tokens = [];
        error = null;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new LogQueryToken(LogQueryTokenKind.End, string.Empty, text.Length + 1));
                return true;
            }

            var start = i;
            var c = text[i];
            LogQueryToken? token = c switch
            {
                '|' => Single(LogQueryTokenKind.Pipe),
                ',' => Single(LogQueryTokenKind.Comma),
                '(' => Single(LogQueryTokenKind.LeftParen),
                ')' => Single(LogQueryTokenKind.RightParen),
                '[' => Single(LogQueryTokenKind.LeftBracket),
                ']' => Single(LogQueryTokenKind.RightBracket),
                '*' => Single(LogQueryTokenKind.Star),
                '=' when Next('~') => Double(LogQueryTokenKind.RegexMatch),
                '=' when Next('=') => Double(LogQueryTokenKind.Equal),
                '=' => Single(LogQueryTokenKind.Equal),
                '!' when Next('=') => Double(LogQueryTokenKind.NotEqual),
                '<' when Next('>') => Double(LogQueryTokenKind.NotEqual),
                '<' when Next('=') => Double(LogQueryTokenKind.LessOrEqual),
                '<' => Single(LogQueryTokenKind.Less),
                '>' when Next('=') => Double(LogQueryTokenKind.GreaterOrEqual),
                '>' => Single(LogQueryTokenKind.Greater),
                _ => null,
            };

            if (token is null)
            {
                if (c is '"' or '\'')
                {
                    if (!TryQuoted(text, ref i, c, out token, out error))
                    {
                        return false;
                    }
                }
                else if (c == '/')
                {
                    if (!TryRegex(text, ref i, out token, out error))
                    {
                        return false;
                    }
                }
                else if (c == '`')
                {
                    var close = text.IndexOf('`', i + 1);
                    if (close < 0)
                    {
                        error = new LogQueryError(start + 1, "the `quoted field name` is not closed", "a closing `");
                        return false;
                    }

                    token = new LogQueryToken(LogQueryTokenKind.Identifier, text[start..(close + 1)], start + 1) { Value = text[(start + 1)..close] };
                    i = close + 1;
                }
                else if (char.IsAsciiDigit(c) || (c is '-' or '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    if (!TryNumber(text, ref i, out token, out error))
                    {
                        return false;
                    }
                }
                else if (IsIdentifierStart(c))
                {
                    while (i < text.Length && IsIdentifierPart(text[i]))
                    {
                        i++;
                    }

                    token = new LogQueryToken(LogQueryTokenKind.Identifier, text[start..i], start + 1);
                }
                else
                {
                    error = new LogQueryError(start + 1, $"unexpected character \"{c}\"", "a command, a field name, a value or one of | , ( ) = != < <= > >=");
                    return false;
                }
            }

            tokens.Add(token);

            LogQueryToken Single(LogQueryTokenKind kind)
            {
                i += 1;
                return new LogQueryToken(kind, text[start..i], start + 1);
            }

            LogQueryToken Double(LogQueryTokenKind kind)
            {
                i += 2;
                return new LogQueryToken(kind, text[start..i], start + 1);
            }

            bool Next(char expected) => i + 1 < text.Length && text[i + 1] == expected;
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '@';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '.';

    private static bool TryQuoted(string text, ref int i, char quote, [NotNullWhen(true)] out LogQueryToken? token, [NotNullWhen(false)] out LogQueryError? error)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                value.Append(text[i]);
            }

            i++;
        }

        if (i >= text.Length)
        {
            token = null;
            error = new LogQueryError(start + 1, "the text is not closed", $"a closing {quote}");
            return false;
        }

        i++;
        token = new LogQueryToken(LogQueryTokenKind.String, text[start..i], start + 1) { Value = value.ToString() };
        error = null;
        return true;
    }

    /// <summary>A regex between slashes; <c>\/</c> is a slash inside it. Checked here so the error points at it.</summary>
    private static bool TryRegex(string text, ref int i, [NotNullWhen(true)] out LogQueryToken? token, [NotNullWhen(false)] out LogQueryError? error)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '/')
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i++;
            }
            else if (text[i] == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i]);
                i++;
            }

            value.Append(text[i]);
            i++;
        }

        token = null;
        if (i >= text.Length)
        {
            error = new LogQueryError(start + 1, "the regular expression is not closed", "a closing /");
            return false;
        }

        i++;
        if (i < text.Length && char.IsLetter(text[i]))
        {
            error = new LogQueryError(i + 1, $"flags after a regular expression (\"{text[i]}\") are not supported", "an inline flag instead, such as /(?i)timeout/ for any case");
            return false;
        }

        try
        {
            _ = new Regex(value.ToString(), RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            error = new LogQueryError(start + 1, $"invalid regular expression {text[start..i]}: {ex.Message}", "a .NET regular expression, such as /time(out|d out)/");
            return false;
        }

        token = new LogQueryToken(LogQueryTokenKind.Regex, text[start..i], start + 1) { Value = value.ToString() };
        error = null;
        return true;
    }

    /// <summary>A number, or a duration when a unit follows without a space (<c>5m</c>, <c>30s</c>, <c>1h</c>).</summary>
    private static bool TryNumber(string text, ref int i, [NotNullWhen(true)] out LogQueryToken? token, [NotNullWhen(false)] out LogQueryError? error)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var numberEnd = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        token = null;
        error = null;
        var number = text[start..numberEnd];
        var unit = text[numberEnd..i];
        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = new LogQueryError(start + 1, $"\"{text[start..i]}\" is not a number", "a number such as 500 or 0.25");
            return false;
        }

        if (unit.Length == 0)
        {
            token = new LogQueryToken(LogQueryTokenKind.Number, number, start + 1) { Number = value };
            return true;
        }

        var match = Array.FindIndex(DurationUnits, u => u.Unit == unit);
        if (match < 0 || value <= 0)
        {
            error = new LogQueryError(
                start + 1,
                match < 0 ? $"\"{unit}\" in \"{text[start..i]}\" is not a duration unit" : $"the duration {text[start..i]} is not positive",
                "a duration such as 30s, 1m, 5m, 1h or 1d");
            return false;
        }

        token = new LogQueryToken(LogQueryTokenKind.Duration, text[start..i], start + 1)
        {
            Duration = TimeSpan.FromTicks((long)(value * DurationUnits[match].Ticks)),
        };
        return true;
    }
}
