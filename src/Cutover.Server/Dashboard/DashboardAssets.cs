using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Cutover.Server.Dashboard;

/// <summary>
/// The dashboard's files, compiled into the server so the control plane serves them wherever it runs, with nothing to
/// fetch at run time (no CDN). <c>web/build.mjs</c> builds <c>Dashboard/wwwroot</c> from <c>web/src</c> and the pinned
/// chart library, and writes the same files into <c>DashboardAssets.g.cs</c>; a test checks the two agree.
/// </summary>
internal static partial class DashboardAssets
{
    private static readonly Lazy<FrozenDictionary<string, DashboardAsset>> Decoded = new(Decode);

    public static IReadOnlyCollection<DashboardAsset> All => Decoded.Value.Values;

    public static DashboardAsset? Find(string path) => Decoded.Value.GetValueOrDefault(path);

    private static FrozenDictionary<string, DashboardAsset> Decode() =>
        Encoded.ToFrozenDictionary(
            f => f.Path,
            f =>
            {
                var bytes = Convert.FromBase64String(f.Base64);
                var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";
                return new DashboardAsset(f.Path, ContentType(f.Path), bytes, etag);
            },
            StringComparer.Ordinal);

    private static string ContentType(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
