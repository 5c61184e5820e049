namespace Cutover.Local.Prometheus;

/// <summary>The data of a successful query.</summary>
public sealed record PrometheusQueryResult
{
    public required PrometheusResultType ResultType { get; init; }

    /// <summary>
    /// The samples of a <see cref="PrometheusResultType.Vector"/> (empty when no series matched), or the single,
    /// unlabelled value of a <see cref="PrometheusResultType.Scalar"/>.
    /// </summary>
    public IReadOnlyList<PrometheusSample> Samples { get; init; } = [];

    /// <summary>The series of a <see cref="PrometheusResultType.Matrix"/>.</summary>
    public IReadOnlyList<PrometheusSeries> Series { get; init; } = [];

    /// <summary>The value of a <see cref="PrometheusResultType.Text"/>.</summary>
    public string? StringValue { get; init; }

    /// <summary>Warnings Prometheus attached to an otherwise successful answer.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
