namespace Cutover.Local;

/// <summary>Validation steps shared by the options of the local components; each adds a message naming the field.</summary>
internal static class OptionChecks
{
    public static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{name} must be between 1 and 65535, not {port}.");
        }
    }

    public static void CheckPositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name} must be positive, not {value}.");
        }
    }

    /// <summary>Positive and whole milliseconds; <paramref name="reason"/> says why, e.g. "HAProxy has no finer unit".</summary>
    public static void CheckWholeMilliseconds(List<string> errors, string name, TimeSpan value, string reason)
    {
        CheckPositive(errors, name, value);
        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            errors.Add($"{name} must be whole milliseconds ({reason}), not {value}.");
        }
    }
}
