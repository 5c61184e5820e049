using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>
/// Parses and validates <c>cutover.yaml</c>. Every problem in the file is reported at once, each with its line,
/// column, field path and a fix, so one edit-and-retry round fixes them all.
/// </summary>
public static class ManifestParser
{
    private const string SyntaxFix =
        "check the indentation (spaces, not tabs) and quote values that contain \": \" or \" #\" or start with one of * & ! { [ | > % @";

    /// <summary>Parses manifest text. Reads no files: the caller loads the text and passes the path for error messages.</summary>
    /// <param name="yamlText">The manifest's YAML.</param>
    /// <param name="sourcePath">The file the text came from, used in <see cref="ManifestError.File"/> and <see cref="ServiceManifest.SourcePath"/>.</param>
    /// <returns>The manifest when the file is valid; otherwise every error found, ordered by position.</returns>
    public static ManifestParseResult Parse(string yamlText, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourcePath);

        var errors = new List<ManifestError>();
        ServiceManifest? manifest = null;
        if (Load(yamlText, sourcePath, errors) is { } root)
        {
            var reader = new ManifestReader(sourcePath);
            manifest = reader.Read(root);
            errors.AddRange(reader.Errors);
        }

        var ordered = errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new ManifestParseResult(ordered.Count == 0 ? manifest : null, ordered);
    }

    private static YamlNode? Load(string yamlText, string sourcePath, List<ManifestError> errors)
    {
        using var text = new StringReader(yamlText);
        var filter = new DuplicateKeyFilter(new Parser(text), sourcePath, errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(filter);
        }
        catch (YamlException ex)
        {
            errors.Add(ManifestError.At(sourcePath, ex.Start, string.Empty, $"invalid YAML: {ex.Message}", SyntaxFix));
            return null;
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(YamlStream).Assembly)
        {
            // YamlDotNet's scanner (16.3 and still 18.1) throws this, without a position, on some malformed flow collections such
            // as an unclosed "[1, 2"; the end of the last event parsed is the closest position there is.
            errors.Add(ManifestError.At(sourcePath, filter.LastPosition, string.Empty, "invalid YAML: an unclosed [ or { or a stray character", SyntaxFix));
            return null;
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is null || ManifestReader.IsNull(root))
        {
            errors.Add(ManifestError.At(
                sourcePath,
                root?.Start ?? Mark.Empty,
                string.Empty,
                "the manifest is empty",
                "add at least service (name, run, initialVersion) and versions; docs/manifest.md has an example"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(ManifestError.At(
                sourcePath,
                stream.Documents[1].RootNode.Start,
                string.Empty,
                "the file holds more than one YAML document",
                "keep one document: delete the second --- and what follows it"));
        }

        return root;
    }
}
