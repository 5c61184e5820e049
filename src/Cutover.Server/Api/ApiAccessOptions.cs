using System.Security.Cryptography;
using System.Text;

namespace Cutover.Server.Api;

/// <summary>
/// Who may change things through the API. On the default loopback addresses (127.0.0.1, ::1, localhost) only this
/// machine reaches the control plane and no token is asked for. Bound to anything else, every state-changing call
/// (POST, PUT, PATCH, DELETE under <c>/api/</c>) must carry <c>Authorization: Bearer &lt;token&gt;</c>, the token
/// coming from the <see cref="TokenVariable"/> environment variable of the control plane's process: never from the
/// manifest, which is committed, and never written to a log.
/// </summary>
public sealed record ApiAccessOptions
{
    /// <summary>The environment variable that holds the token.</summary>
    public const string TokenVariable = "CUTOVER_API_TOKEN";

    /// <summary>The address the control plane listens on.</summary>
    public required string BindAddress { get; init; }

    /// <summary>The bearer token; null when none is set, and then a non-loopback control plane refuses every change.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Whether state-changing calls need the token. Other 127.x addresses count as not loopback on purpose: binding one
    /// is a deliberate choice (a shared host, a tunnel), and a token is the safe answer to a deliberate choice.
    /// </summary>
    public bool RequiresToken => !IsDefaultLoopback(BindAddress);

    /// <summary>Reads the token from the process environment.</summary>
    public static ApiAccessOptions FromEnvironment(ControlPlaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        return new ApiAccessOptions { BindAddress = options.Ports.BindAddress, Token = string.IsNullOrWhiteSpace(token) ? null : token.Trim() };
    }

    public static bool IsDefaultLoopback(string bindAddress)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        return bindAddress.Trim('[', ']').ToLowerInvariant() is "127.0.0.1" or "::1" or "localhost";
    }

    /// <summary>Compares in constant time, so the answer's timing does not tell how much of a guess was right.</summary>
    public bool Accepts(string? presented)
    {
        if (Token is null || presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(Token)));
    }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"ApiAccessOptions {{ BindAddress = {BindAddress}, Token = {(Token is null ? "unset" : "set")} }}";
}
