using System.Diagnostics.CodeAnalysis;

namespace Cutover.Local.Prometheus;

/// <summary>A Prometheus API answer: either <see cref="Value"/> or <see cref="Error"/>.</summary>
public sealed record PrometheusResult<T>
    where T : class
{
    public PrometheusResult(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    public PrometheusResult(PrometheusError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public T? Value { get; }

    public PrometheusError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}
