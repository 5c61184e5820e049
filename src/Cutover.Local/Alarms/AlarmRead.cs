namespace Cutover.Local.Alarms;

/// <summary>One period's read of an alarm's metric: a value, "no data", or no answer from the metrics store.</summary>
/// <param name="Value">The period's value; null when the period had no data or the store did not answer.</param>
/// <param name="Failure">Why the metrics store gave no answer (down, hung, an error); null when it answered.</param>
public sealed record AlarmRead(double? Value, string? Failure)
{
    /// <summary>True when the metrics store answered, with a value or with "no data".</summary>
    public bool Answered => Failure is null;

    public static AlarmRead Of(double? value) => new(value, null);

    public static AlarmRead Unanswered(string failure) => new(null, failure);
}
