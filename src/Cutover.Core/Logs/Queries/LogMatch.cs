namespace Cutover.Core.Logs.Queries;

/// <summary>
/// <c>subject like "text"</c> (contains the text, case-sensitively), <c>subject like /regex/</c> or <c>subject =~ /regex/</c>
/// (.NET regex; <c>(?i)</c> for any case), negated by <c>not like</c>.
/// </summary>
public sealed record LogMatch(LogOperand Subject, string Pattern, bool IsRegex, bool Negated) : LogExpression;
