using System.Globalization;

namespace Cutover.Telemetry.Runtime;

/// <summary>Resident set size of this process.</summary>
internal static class ResidentMemory
{
    private const string StatmPath = "/proc/self/statm";

    /// <summary>
    /// Reads the second field of <c>/proc/self/statm</c> (resident pages) times the page size; where that file does
    /// not exist (not Linux) or cannot be parsed, falls back to <see cref="Environment.WorkingSet"/>.
    /// </summary>
    public static long ReadBytes()
    {
        try
        {
            if (File.Exists(StatmPath) && TryParseStatm(File.ReadAllText(StatmPath), Environment.SystemPageSize) is { } bytes)
            {
                return bytes;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Environment.WorkingSet;
    }

    internal static long? TryParseStatm(string statm, int pageSize)
    {
        var fields = statm.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages * pageSize
            : null;
    }
}
