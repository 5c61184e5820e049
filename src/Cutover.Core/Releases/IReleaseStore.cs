namespace Cutover.Core.Releases;

/// <summary>Durable release state, the current deployment and the append-only audit trail.</summary>
public interface IReleaseStore
{
    Task SaveReleaseAsync(ReleaseState release, CancellationToken cancellationToken);

    Task<ReleaseState?> GetReleaseAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ReleaseState>> ListReleasesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Appends; the store assigns <see cref="AuditEntry.Sequence"/>. Entries are never changed or removed.</summary>
    Task<AuditEntry> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Oldest first; all releases when <paramref name="releaseId"/> is null.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string? releaseId, int limit, CancellationToken cancellationToken);

    Task SaveDeploymentAsync(Deployment deployment, CancellationToken cancellationToken);

    Task<Deployment?> GetDeploymentAsync(CancellationToken cancellationToken);
}
