using System.Text;
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

    /// <summary>The largest manifest accepted, in bytes of UTF-8: 1 MiB, far above any real service's file.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists accepted; the schema itself needs fewer than 10 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses manifest text. Reads no files: the caller loads the text and passes the path for error messages.</summary>
    /// <param name="yamlText">The manifest's YAML.</param>
    /// <param name="sourcePath">The file the text came from, used in <see cref="ManifestError.File"/> and <see cref="ServiceManifest.SourcePath"/>.</param>
    /// <returns>The manifest when the file is valid; otherwise every error found, ordered by position.</returns>
    public static ManifestParseResult Parse(string yamlText, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourcePath);

        if (TooLarge(yamlText, sourcePath) is { } tooLarge)
        {
            return new ManifestParseResult(null, [tooLarge]);
        }

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
        catch (ManifestTooDeepException ex)
        {
            errors.Add(ManifestError.At(
                sourcePath,
                ex.At,
                ex.FieldPath,
                ex.Message,
                $"flatten the document: the manifest's fields need fewer than 10 levels, and at most {MaxDepth} are read"));
            return null;
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
        catch (ArgumentException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(YamlStream).Assembly)
        {
            // YamlDotNet 18.1's parser can end a mapping after a key with no value event, as for " : x" under a comment line
            // (found by the fuzz test); the representation model then throws this, again without a position.
            errors.Add(ManifestError.At(sourcePath, filter.LastPosition, string.Empty, "invalid YAML: a key without a value, or a stray \":\"", SyntaxFix));
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

    /// <summary>Refuses text over <see cref="MaxBytes"/> before parsing it, pointing at the line where the limit is crossed.</summary>
    private static ManifestError? TooLarge(string yamlText, string sourcePath)
    {
        // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short text needs no count.
        if (yamlText.Length <= MaxBytes / 3 || Encoding.UTF8.GetByteCount(yamlText) <= MaxBytes)
        {
            return null;
        }

        var line = 1;
        var bytes = 0;
        for (var i = 0; i < yamlText.Length && bytes <= MaxBytes; i++)
        {
            bytes += Encoding.UTF8.GetByteCount(yamlText.AsSpan(i, 1));
            line += yamlText[i] == '\n' ? 1 : 0;
        }

        return new ManifestError(
            sourcePath,
            line,
            1,
            string.Empty,
            $"the manifest is over {MaxBytes / 1024 / 1024} MiB (the limit is crossed on line {line})",
            "keep the file under 1 MiB: a manifest holds settings, not data");
    }
}
