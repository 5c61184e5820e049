namespace Cutover.Core.Logs.MetricFilters;

/// <summary>
/// <c>$.path op value</c>. A number compares numerically with a JSON number (or a string that reads as one); text
/// compares with <c>=</c> or <c>!=</c> only, where <c>*</c> matches any run of characters. A property the line does not
/// have matches nothing, not even <c>!=</c>.
/// </summary>
internal sealed record JsonSelectorComparison(IReadOnlyList<string> Path, JsonSelectorOperator Operator, string? Text, double? Number) : JsonSelector
{
    public override bool Matches(MetricFilterSubject subject)
    {
        if (subject.Select(Path) is not { } selected)
        {
            return false;
        }

        if (Number is { } number)
        {
            return selected.Number is { } value && Operator switch
            {
                JsonSelectorOperator.Equal => value == number,
                JsonSelectorOperator.NotEqual => value != number,
                JsonSelectorOperator.Less => value < number,
                JsonSelectorOperator.LessOrEqual => value <= number,
                JsonSelectorOperator.Greater => value > number,
                _ => value >= number,
            };
        }

        var equal = Wildcard.Matches(Text ?? string.Empty, selected.Text);
        return Operator == JsonSelectorOperator.Equal ? equal : !equal;
    }
}
