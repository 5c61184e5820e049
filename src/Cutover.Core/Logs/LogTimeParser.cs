using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cutover.Core.Manifest;

namespace Cutover.Core.Logs;

/// <summary>
/// Reads the <c>since</c> and <c>until</c> of a log query: a duration back from now (<c>15m</c>, <c>1h30m</c>, <c>2d</c>)
/// or an ISO 8601 time (<c>2026-01-01T12:00:00Z</c>; without an offset it is UTC).
/// </summary>
public static class LogTimeParser
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset at, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        at = default;
        problem = null;
        var duration = DurationParser.Parse(text.Trim());
        if (duration.IsValid)
        {
            at = now - duration.Value;
            return true;
        }

        if (text.Contains('-', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            return true;
        }

        problem = $"\"{text}\" is neither a duration back from now (such as 15m, 1h or 2d) nor a time (such as 2026-01-01T12:00:00Z)";
        return false;
    }
}
