namespace Cutover.Pipelines.Containers;

/// <summary>Reads a Dockerfile's instructions and stages (the subset of the syntax the checks need).</summary>
public static class DockerfileReader
{
    /// <summary>Reads the Dockerfile at <paramref name="path"/>.</summary>
    public static Dockerfile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(path, File.ReadAllText(path));
    }

    /// <summary>Reads Dockerfile text; <paramref name="path"/> only names it in findings.</summary>
    public static Dockerfile Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var globalArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new List<DockerfileStage>();
        List<DockerfileInstruction>? current = null;
        (int Line, string Image, string? Name) from = (0, string.Empty, null);
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                if (current is not null)
                {
                    stages.Add(new DockerfileStage(from.Line, from.Image, from.Name, current));
                }

                from = ParseFrom(instruction);
                current = [];
            }
            else if (current is null)
            {
                if (instruction.Keyword == "ARG")
                {
                    var (name, value) = ParseArg(instruction.Arguments);
                    globalArgs[name] = value;
                }
            }
            else
            {
                current.Add(instruction);
            }
        }

        if (current is not null)
        {
            stages.Add(new DockerfileStage(from.Line, from.Image, from.Name, current));
        }

        return new Dockerfile(path, globalArgs, stages);
    }

    private static IEnumerable<DockerfileInstruction> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var logical = trimmed;
            // A trailing backslash continues the instruction; comment lines inside it are dropped, as Docker does.
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1];
                var next = lines[++i].Trim();
                if (!next.StartsWith('#'))
                {
                    logical += " " + next;
                }
            }

            var space = logical.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? logical : logical[..space]).ToUpperInvariant();
            yield return new DockerfileInstruction(start, keyword, space < 0 ? string.Empty : logical[(space + 1)..].Trim());
        }
    }

    private static (int Line, string Image, string? Name) ParseFrom(DockerfileInstruction instruction)
    {
        var words = instruction.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !word.StartsWith("--", StringComparison.Ordinal))
            .ToList();
        var image = words.Count > 0 ? words[0] : string.Empty;
        var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        return (instruction.Line, image, name);
    }

    private static (string Name, string? Value) ParseArg(string arguments)
    {
        var equals = arguments.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arguments.Trim(), null) : (arguments[..equals].Trim(), arguments[(equals + 1)..].Trim().Trim('"'));
    }
}
