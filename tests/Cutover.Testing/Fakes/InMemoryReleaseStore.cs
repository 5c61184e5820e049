using Cutover.Core.Releases;
using Cutover.Core.Storage;

namespace Cutover.Testing.Fakes;

/// <summary>A release store for pure engine tests; the SQLite store has its own tests against real SQLite.</summary>
public sealed class InMemoryReleaseStore : IReleaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReleaseState> _releases = [];
    private readonly List<AuditEntry> _audit = [];
    private Deployment? _deployment;

    public ReleaseState? LastSaved { get; private set; }

    /// <summary>While set, every write fails as a full disk at this path would (reads still work, as with SQLite).</summary>
    public string? FullAt { get; set; }

    public IReadOnlyList<AuditEntry> Audit
    {
        get
        {
            lock (_gate)
            {
                return [.. _audit];
            }
        }
    }

    public Task SaveReleaseAsync(ReleaseState release, CancellationToken cancellationToken)
    {
        ThrowIfFull();
        lock (_gate)
        {
            _releases[release.Id] = release;
            LastSaved = release;
        }

        return Task.CompletedTask;
    }

    public Task<ReleaseState?> GetReleaseAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_releases.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<ReleaseState>> ListReleasesAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReleaseState> list = [.. _releases.Values.OrderByDescending(r => r.StartedAt).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<AuditEntry> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ThrowIfFull();
        lock (_gate)
        {
            var stored = entry with { Sequence = _audit.Count + 1 };
            _audit.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? releaseId, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEntry> list = [.. _audit.Where(a => releaseId is null || a.ReleaseId == releaseId).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task SaveDeploymentAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        ThrowIfFull();
        lock (_gate)
        {
            _deployment = deployment;
        }

        return Task.CompletedTask;
    }

    public Task<Deployment?> GetDeploymentAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deployment);
        }
    }

    private void ThrowIfFull()
    {
        if (FullAt is { } path)
        {
            throw new DiskFullException(path, null);
        }
    }
}
