namespace Cutover.Core.Logs.Queries;

/// <summary>One token: its kind, its text as written, its value (string, regex, number or duration) and 1-based position.</summary>
internal sealed record LogQueryToken(LogQueryTokenKind Kind, string Text, int Position)
{
    /// <summary>The unescaped content of a string or regex, or an identifier's name.</summary>
    public string Value { get; init; } = Text;

    public double Number { get; init; }

    public TimeSpan Duration { get; init; }

    public bool Is(string keyword) => Kind == LogQueryTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How an error message names the token.</summary>
    public string Describe() => Kind switch
    {
        LogQueryTokenKind.End => "the end of the query",
        LogQueryTokenKind.String => $"the text {Text}",
        LogQueryTokenKind.Regex => $"the regular expression {Text}",
        _ => $"\"{Text}\"",
    };
}
