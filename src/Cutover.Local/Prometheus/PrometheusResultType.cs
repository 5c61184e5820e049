namespace Cutover.Local.Prometheus;

/// <summary>The <c>resultType</c> of a PromQL evaluation.</summary>
public enum PrometheusResultType
{
    Vector,
    Matrix,
    Scalar,
    /// <summary>Prometheus's <c>string</c> result type (a string literal expression).</summary>
    Text,
}
