namespace Cutover.Core.Logs.MetricFilters;

/// <summary>How a term of a term pattern counts: CloudWatch's plain, <c>?</c> and <c>-</c> terms.</summary>
internal enum MetricFilterTermKind
{
    /// <summary>A plain term: the line must contain it.</summary>
    Required,

    /// <summary><c>?term</c>: the line must contain at least one of the optional terms.</summary>
    Optional,

    /// <summary><c>-term</c>: the line must not contain it.</summary>
    Excluded,
}
