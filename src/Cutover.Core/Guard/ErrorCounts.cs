namespace Cutover.Core.Guard;

/// <summary>Requests a version answered in an interval, and how many of them were errors (5xx).</summary>
public readonly record struct ErrorCounts(long Requests, long Errors)
{
    /// <summary>The errors' share of the requests; 0 with no requests.</summary>
    public double Share => Requests == 0 ? 0 : (double)Errors / Requests;

    public static ErrorCounts operator +(ErrorCounts left, ErrorCounts right) =>
        new(left.Requests + right.Requests, left.Errors + right.Errors);
}
