namespace Cutover.Core.Logs.Queries;

/// <summary>Why a query is not valid: where, what is wrong and what was expected there.</summary>
/// <param name="Position">1-based character position in the query.</param>
/// <param name="Problem">What is wrong, such as <c>unknown command "filer"</c>.</param>
/// <param name="Expected">What would have been valid at that position, such as <c>fields, filter, stats, sort or limit</c>.</param>
public sealed record LogQueryError(int Position, string Problem, string Expected)
{
    /// <summary>One line: <c>position 14: unknown command "filer"; expected fields, filter, stats, sort or limit</c>.</summary>
    public override string ToString() => $"position {Position}: {Problem}; expected {Expected}";

    /// <summary>The query with a caret under the position, then <see cref="ToString"/>: for terminals.</summary>
    public string Render(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var line = query.ReplaceLineEndings(" ");
        var caret = new string(' ', Math.Clamp(Position - 1, 0, line.Length)) + "^";
        return $"{line}{Environment.NewLine}{caret}{Environment.NewLine}{this}";
    }
}
