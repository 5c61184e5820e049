using Cutover.Core.Manifest;

namespace Cutover.Local.Logs;

/// <summary>Where <see cref="LogCollector"/> finds instance logs and how it batches them.</summary>
public sealed record LogCollectorOptions
{
    /// <summary>The folder of <c>&lt;instanceId&gt;.log</c> files, <c>&lt;stateDir&gt;/logs</c>.</summary>
    public required string LogDirectory { get; init; }

    /// <summary>The manifest's metric filters; each is applied to every instance line.</summary>
    public IReadOnlyList<MetricFilterSpec> MetricFilters { get; init; } = [];

    /// <summary>Lines per transaction. Default 5,000: large enough that commits cost little, small enough to show lines within a poll.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>Bytes read from one file per pass, so one busy instance cannot starve the others. Default 4 MiB.</summary>
    public int ReadChunkBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A last line without its newline is stored after the file has not grown for this long (the writer stopped mid-line). Default 2 s.</summary>
    public TimeSpan PartialLineTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Control-plane lines waiting to be stored beyond which new ones are dropped (and counted). Default 50,000.</summary>
    public int MaxQueuedEntries { get; init; } = 50_000;

    /// <summary>
    /// Once this many bytes of an instance's raw log file are stored in the log store, they are deallocated from the
    /// file (a hole punched over them), so raw files never fill the state dir (issue 10). Default 16 MiB.
    /// </summary>
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Tells whether an instance still runs; a stored, unchanged file of one that does not is deleted after
    /// <see cref="StoppedFileGrace"/>. Null keeps every file (only rotation bounds them).
    /// </summary>
    public Func<string, bool>? IsInstanceRunning { get; init; }

    /// <summary>How long a stopped instance's fully stored file is kept. Default 1 minute.</summary>
    public TimeSpan StoppedFileGrace { get; init; } = TimeSpan.FromMinutes(1);
}
