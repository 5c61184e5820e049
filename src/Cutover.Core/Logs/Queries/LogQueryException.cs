namespace Cutover.Core.Logs.Queries;

/// <summary>
/// Unwinds the recursive descent of <see cref="Syntax.LogQuerySyntax"/> and <see cref="LogQueryPlanner"/> at the
/// first error; both catch it and return <see cref="Error"/> as a value, so it never leaves them.
/// </summary>
internal sealed class LogQueryException(LogQueryError error) : Exception(error.Problem)
{
    public LogQueryError Error { get; } = error;
}
