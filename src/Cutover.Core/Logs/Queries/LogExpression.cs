namespace Cutover.Core.Logs.Queries;

/// <summary>A condition of <c>filter</c>: comparisons, <c>like</c>, <c>in</c>, combined with <c>and</c>, <c>or</c> and <c>not</c>.</summary>
public abstract record LogExpression
{
    // Closed hierarchy, as LogOperand.
    private protected LogExpression()
    {
    }
}
