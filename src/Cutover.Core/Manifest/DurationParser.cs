using System.Globalization;

namespace Cutover.Core.Manifest;

/// <summary>
/// Parses durations such as <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c> and <c>1m30s</c>.
/// A unit is always required: a bare <c>10</c> could mean seconds or milliseconds, and guessing wrong
/// turns a 10 s timeout into 10 ms.
/// </summary>
internal static class DurationParser
{
    private const string Examples = "such as 500ms, 10s, 2m, 1h or 1m30s";

    // Largest unit first: the order doubles as the rank that keeps "30s1m" and "1m1m" out.
    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("d", TimeSpan.TicksPerDay),
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
        ("ms", TimeSpan.TicksPerMillisecond),
    ];

    public static DurationParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return DurationParseResult.Failure("no duration is given", $"write a duration {Examples}");
        }

        if (IsBareNumber(text))
        {
            return DurationParseResult.Failure(
                $"duration {text} has no unit",
                $"add a unit: {text}s for seconds or {text}ms for milliseconds (units: ms, s, m, h)");
        }

        var notADuration = DurationParseResult.Failure(
            $"\"{text}\" is not a duration",
            $"write numbers followed by a unit (ms, s, m or h) with no spaces, {Examples}");
        decimal totalTicks = 0;
        var previousRank = -1;
        var position = 0;
        while (position < text.Length)
        {
            var numberStart = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            var number = text[numberStart..unitStart];
            var unit = text[unitStart..position];
            if (number.Length == 0 ||
                !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return notADuration;
            }

            if (unit.Length == 0)
            {
                return position < text.Length
                    ? notADuration
                    : DurationParseResult.Failure(
                        $"\"{text}\" ends with a number without a unit",
                        $"add a unit to the last number, {Examples}");
            }

            var rank = Array.FindIndex(Units, u => u.Unit == unit);
            if (rank < 0)
            {
                return DurationParseResult.Failure(
                    $"\"{unit}\" in \"{text}\" is not a duration unit",
                    "use ms, s, m, h or d, in lowercase");
            }

            if (rank <= previousRank)
            {
                return DurationParseResult.Failure(
                    $"the units in \"{text}\" repeat or are out of order",
                    "write each unit once, largest first, such as 1h30m or 1m30s");
            }

            previousRank = rank;

            // Compared before multiplying: decimal overflows near 7.9e28, so 3000000000000000000h would throw (issue 10).
            var remainingTicks = TimeSpan.MaxValue.Ticks - totalTicks;
            if (amount > remainingTicks / Units[rank].Ticks)
            {
                return DurationParseResult.Failure($"duration \"{text}\" is too long", $"write a shorter duration, {Examples}");
            }

            totalTicks += amount * Units[rank].Ticks;
        }

        return DurationParseResult.Success(TimeSpan.FromTicks((long)totalTicks));
    }

    private static bool IsBareNumber(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c == '.') && text.Any(char.IsAsciiDigit);
}
