namespace Cutover.Core.Logs.Queries;

/// <summary>The kinds of token of the query language.</summary>
internal enum LogQueryTokenKind
{
    Identifier,
    String,
    Regex,
    Number,
    Duration,
    Pipe,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Star,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    RegexMatch,
    End,
}
