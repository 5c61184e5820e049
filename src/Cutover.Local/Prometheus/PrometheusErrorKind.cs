namespace Cutover.Local.Prometheus;

/// <summary>Why a Prometheus API call did not return data.</summary>
public enum PrometheusErrorKind
{
    /// <summary>Prometheus answered <c>"status": "error"</c>, for example a malformed query (<c>bad_data</c>).</summary>
    Api,

    /// <summary>Prometheus could not be reached: not running, wrong port, connection refused or reset.</summary>
    Unreachable,

    /// <summary>No answer within the HTTP client's timeout.</summary>
    Timeout,

    /// <summary>An answer that is not the Prometheus API's JSON.</summary>
    InvalidResponse,
}
