namespace Cutover.Core.Manifest;

/// <summary>A parsed duration, or why the text is not one and how to write it.</summary>
internal sealed record DurationParseResult(TimeSpan Value, string? Problem, string? Fix)
{
    public bool IsValid => Problem is null;

    public static DurationParseResult Success(TimeSpan value) => new(value, null, null);

    public static DurationParseResult Failure(string problem, string fix) => new(TimeSpan.Zero, problem, fix);
}
