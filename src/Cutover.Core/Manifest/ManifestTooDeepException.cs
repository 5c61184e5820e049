using YamlDotNet.Core;

namespace Cutover.Core.Manifest;

/// <summary>
/// Thrown by <see cref="DuplicateKeyFilter"/> when the document nests deeper than <see cref="ManifestParser.MaxDepth"/>,
/// and caught by <see cref="ManifestParser"/>, which reports it as a manifest error. An exception because the filter
/// sits inside YamlDotNet's loader, which has no other way to stop; it never leaves the parser.
/// </summary>
internal sealed class ManifestTooDeepException(Mark at, string path)
    : Exception($"the manifest nests deeper than {ManifestParser.MaxDepth} levels")
{
    public Mark At { get; } = at;

    public string FieldPath { get; } = path;
}
