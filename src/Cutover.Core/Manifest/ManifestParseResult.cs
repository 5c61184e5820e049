using System.Diagnostics.CodeAnalysis;

namespace Cutover.Core.Manifest;

/// <summary>The outcome of <see cref="ManifestParser.Parse"/>: a manifest, or every error found in the file.</summary>
/// <param name="Manifest">The parsed manifest; null whenever <paramref name="Errors"/> is not empty, so a half-valid manifest is never used.</param>
/// <param name="Errors">All errors, ordered by line and column.</param>
public sealed record ManifestParseResult(ServiceManifest? Manifest, IReadOnlyList<ManifestError> Errors)
{
    /// <summary>True when the file parsed without errors; <see cref="Manifest"/> is then not null.</summary>
    [MemberNotNullWhen(true, nameof(Manifest))]
    public bool IsValid => Manifest is not null && Errors.Count == 0;
}
