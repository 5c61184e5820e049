using Cutover.Core.Logs.Queries.Syntax;

namespace Cutover.Core.Logs.Queries;

/// <summary>
/// The log query language, modelled on CloudWatch Logs Insights:
/// <c>fields @timestamp, @message | filter level = "Error" and @message like /timeout/ | stats count() by bin(1m) | sort count desc | limit 20</c>.
/// docs/logs.md describes every command and how it maps to CloudWatch.
/// </summary>
public static class LogQueryParser
{
    /// <summary>Parses and plans <paramref name="query"/>; a malformed query gives the position and what was expected there.</summary>
    public static LogQueryParseResult Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return LogQuerySyntax.TryParse(query, out var stages, out var error)
            ? LogQueryPlanner.Plan(stages)
            : new LogQueryParseResult(null, error);
    }
}
