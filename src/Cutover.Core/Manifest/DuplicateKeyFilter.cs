using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cutover.Core.Manifest;

/// <summary>
/// Sits between the YAML parser and YamlDotNet's representation model and drops repeated mapping keys,
/// reporting each one. The representation model throws on the first duplicate, which would stop
/// validation there; dropping the repeat (first value wins) lets every other error be reported too.
/// </summary>
internal sealed class DuplicateKeyFilter(IParser inner, string file, List<ManifestError> errors) : IParser
{
    private readonly Stack<Frame> _frames = new();

    public ParsingEvent? Current => inner.Current;

    /// <summary>End of the last event read: where to point when the scanner fails without a position.</summary>
    public Mark LastPosition { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!Advance())
        {
            return false;
        }

        while (RepeatedKey() is { } repeated)
        {
            var (frame, key) = repeated;
            var first = frame.SeenKeys[key.Value];
            errors.Add(ManifestError.At(
                file,
                key.Start,
                FieldPath.Child(frame.Path, key.Value),
                $"duplicate key \"{key.Value}\" (first set on line {first.Line})",
                "keep only one of them; YAML allows each key once per mapping"));

            // Step onto the value, past it, and onto whatever follows it: the next key or the mapping's end.
            if (!Advance() || !SkipNode() || !Advance())
            {
                return false;
            }
        }

        Track(inner.Current!);
        return true;
    }

    private bool Advance()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        LastPosition = inner.Current!.End;
        return true;
    }

    private (Frame Frame, Scalar Key)? RepeatedKey() =>
        _frames.TryPeek(out var frame) && frame.IsMapping && frame.ExpectKey &&
        inner.Current is Scalar key && frame.SeenKeys.ContainsKey(key.Value)
            ? (frame, key)
            : null;

    private bool SkipNode()
    {
        if (inner.Current is not (MappingStart or SequenceStart))
        {
            return true;
        }

        var depth = 1;
        while (depth > 0)
        {
            if (!Advance())
            {
                return false;
            }

            if (inner.Current is MappingStart or SequenceStart)
            {
                depth++;
            }
            else if (inner.Current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }

        return true;
    }

    private void Track(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case DocumentStart:
                _frames.Clear();
                break;
            case MappingStart:
                _frames.Push(new Frame(isMapping: true, NextPath()));
                break;
            case SequenceStart:
                _frames.Push(new Frame(isMapping: false, NextPath()));
                break;
            case MappingEnd or SequenceEnd:
                _frames.Pop();
                NodeCompleted();
                break;
            case Scalar scalar:
                if (_frames.TryPeek(out var frame) && frame.IsMapping && frame.ExpectKey)
                {
                    frame.SeenKeys[scalar.Value] = scalar.Start;
                    frame.ChildPath = FieldPath.Child(frame.Path, scalar.Value);
                }

                NodeCompleted();
                break;
            case AnchorAlias:
                NodeCompleted();
                break;
            default:
                break;
        }
    }

    private string NextPath()
    {
        if (!_frames.TryPeek(out var frame))
        {
            return string.Empty;
        }

        return frame.IsMapping
            ? (frame.ExpectKey ? frame.Path : frame.ChildPath)
            : FieldPath.Item(frame.Path, frame.Index);
    }

    private void NodeCompleted()
    {
        if (!_frames.TryPeek(out var frame))
        {
            return;
        }

        if (frame.IsMapping)
        {
            frame.ExpectKey = !frame.ExpectKey;
        }
        else
        {
            frame.Index++;
        }
    }

    /// <summary>An open mapping or sequence: its path, and for a mapping the keys seen so far.</summary>
    private sealed class Frame(bool isMapping, string path)
    {
        public bool IsMapping { get; } = isMapping;

        public string Path { get; } = path;

        public Dictionary<string, Mark> SeenKeys { get; } = new(StringComparer.Ordinal);

        public bool ExpectKey { get; set; } = true;

        public string ChildPath { get; set; } = path;

        public int Index { get; set; }
    }
}
