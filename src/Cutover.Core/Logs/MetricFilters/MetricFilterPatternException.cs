namespace Cutover.Core.Logs.MetricFilters;

/// <summary>
/// Unwinds <see cref="MetricFilterPatternParser"/>'s recursive descent at the first error; the parser returns
/// <see cref="Error"/> as a value, so it never leaves it.
/// </summary>
internal sealed class MetricFilterPatternException(MetricFilterPatternError error) : Exception(error.Problem)
{
    public MetricFilterPatternError Error { get; } = error;
}
