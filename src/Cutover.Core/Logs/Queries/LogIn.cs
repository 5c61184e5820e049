namespace Cutover.Core.Logs.Queries;

/// <summary><c>subject in ["a", "b"]</c>, or <c>not in</c>.</summary>
public sealed record LogIn(LogOperand Subject, IReadOnlyList<LogOperand> Values, bool Negated) : LogExpression
{
    /// <summary>Equal when every value is; the generated equality would compare the list by reference.</summary>
    public bool Equals(LogIn? other) =>
        other is not null && Subject == other.Subject && Negated == other.Negated && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Subject, Negated, Values.Count);
}
