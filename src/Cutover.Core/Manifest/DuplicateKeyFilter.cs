using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cutover.Core.Manifest;

/// <summary>
/// Sits between the YAML parser and YamlDotNet's representation model and drops repeated mapping keys,
/// reporting each one. The representation model throws on the first duplicate, which would stop
/// validation there; dropping the repeat (first value wins) lets every other error be reported too.
/// It also refuses nesting deeper than <see cref="ManifestParser.MaxDepth"/> before the representation model,
/// which recurses per level, can overflow the stack (issue 10). Paths are built only for an error, so the
/// walk stays linear however deep or wide the document is.
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
                FieldPath.Child(frame.Path(), key.Value),
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
            case MappingStart or SequenceStart:
                Open(parsingEvent);
                break;
            case MappingEnd or SequenceEnd:
                _frames.Pop();
                NodeCompleted();
                break;
            case Scalar scalar:
                if (_frames.TryPeek(out var frame) && frame.IsMapping && frame.ExpectKey)
                {
                    frame.SeenKeys[scalar.Value] = scalar.Start;
                    frame.LastKey = scalar.Value;
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

    private void Open(ParsingEvent start)
    {
        _frames.TryPeek(out var parent);
        var frame = new Frame(start is MappingStart, parent);
        if (frame.Depth > ManifestParser.MaxDepth)
        {
            throw new ManifestTooDeepException(start.Start, frame.Path());
        }

        _frames.Push(frame);
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

    /// <summary>
    /// An open mapping or sequence: where it sits in its parent, and for a mapping the keys seen so far.
    /// It keeps its parent and its own key or index rather than a path string: a path per level made memory
    /// grow with the square of the depth.
    /// </summary>
    private sealed class Frame
    {
        private readonly Frame? _parent;
        private readonly string? _key;
        private readonly int _item = -1;

        public Frame(bool isMapping, Frame? parent)
        {
            IsMapping = isMapping;
            _parent = parent;
            Depth = (parent?.Depth ?? 0) + 1;
            if (parent is null)
            {
                return;
            }

            // A mapping's value sits under its key; a complex key (a mapping used as a key) under the mapping itself.
            if (!parent.IsMapping)
            {
                _item = parent.Index;
            }
            else if (!parent.ExpectKey)
            {
                _key = parent.LastKey;
            }
        }

        public bool IsMapping { get; }

        public int Depth { get; }

        public Dictionary<string, Mark> SeenKeys { get; } = new(StringComparer.Ordinal);

        public bool ExpectKey { get; set; } = true;

        public string LastKey { get; set; } = string.Empty;

        public int Index { get; set; }

        public string Path()
        {
            var frames = new Stack<Frame>();
            for (var frame = this; frame is not null; frame = frame._parent)
            {
                frames.Push(frame);
            }

            var path = string.Empty;
            foreach (var frame in frames)
            {
                path = frame._key is not null ? FieldPath.Child(path, frame._key)
                    : frame._item >= 0 ? FieldPath.Item(path, frame._item)
                    : path;
            }

            return path;
        }
    }
}
