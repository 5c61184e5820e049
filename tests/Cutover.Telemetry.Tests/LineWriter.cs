using System.Text;

namespace Cutover.Telemetry.Tests;

/// <summary>A thread-safe in-memory output that hands back complete lines, for EMF written by a background loop.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;
}
