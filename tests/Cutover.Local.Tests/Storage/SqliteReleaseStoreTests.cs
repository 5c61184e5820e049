using Cutover.Core.Instances;
using Cutover.Core.Manifest;
using Cutover.Core.Releases;
using Cutover.Core.Storage;
using Cutover.Local.Storage;
using Cutover.Testing;
using Microsoft.Data.Sqlite;

namespace Cutover.Local.Tests.Storage;

public sealed class SqliteReleaseStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cutover-store-").FullName;

    private string DatabasePath => Path.Combine(_directory, "cutover.db");

    [Fact]
    public async Task SaveReleaseAsync_ThenReopen_ReturnsTheSameState()
    {
        var release = NewRelease("r1") with
        {
            Phase = ReleasePhase.Shifting,
            StepIndex = 2,
            NewWeightPercent = 25,
            NewInstances = [new InstanceEndpoint("v2-1", "v2", "127.0.0.1", 18101, 4242)],
        };
        var store = await SqliteReleaseStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.SaveReleaseAsync(release, CancellationToken.None);

        var reopened = await SqliteReleaseStore.OpenAsync(DatabasePath, CancellationToken.None);
        var loaded = await reopened.GetReleaseAsync("r1", CancellationToken.None);

        loaded.ShouldNotBeNull();
        loaded.Phase.ShouldBe(ReleasePhase.Shifting);
        loaded.NewWeightPercent.ShouldBe(25);
        loaded.Steps.ShouldBe(release.Steps);
        loaded.NewInstances.ShouldBe(release.NewInstances);
    }

    [Fact]
    public async Task Writes_DiskFull_ThrowDiskFullNamingTheDatabaseWhileReadsStillWork()
    {
        using var disk = SmallDisk.Mount(kibibytes: 512);
        var path = Path.Combine(disk.Path, "cutover.db");
        var store = await SqliteReleaseStore.OpenAsync(path, CancellationToken.None);
        await store.SaveReleaseAsync(NewRelease("r1"), CancellationToken.None);
        disk.Fill();
        // More pages than the write-ahead log holds, so the write must grow a file.
        var large = NewRelease("r1") with { Reason = new string('x', 256 * 1024) };

        var save = await Should.ThrowAsync<DiskFullException>(() => store.SaveReleaseAsync(large, CancellationToken.None));
        var audit = await Should.ThrowAsync<DiskFullException>(() => store.AppendAuditAsync(new AuditEntry(0, "r1", DateTimeOffset.UnixEpoch, "test", "big", new string('y', 256 * 1024)), CancellationToken.None));
        var stillThere = await store.GetReleaseAsync("r1", CancellationToken.None);
        disk.Free();
        await store.SaveReleaseAsync(large, CancellationToken.None);

        save.Message.ShouldBe($"disk full at {path}");
        save.Path.ShouldBe(path);
        audit.Path.ShouldBe(path);
        stillThere!.Reason.ShouldBeNull();
        (await store.GetReleaseAsync("r1", CancellationToken.None))!.Reason!.Length.ShouldBe(256 * 1024);
    }

    [Fact]
    public async Task ListReleasesAsync_SeveralReleases_NewestFirst()
    {
        var store = await SqliteReleaseStore.OpenAsync(DatabasePath, CancellationToken.None);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.SaveReleaseAsync(NewRelease("old") with { StartedAt = start }, CancellationToken.None);
        await store.SaveReleaseAsync(NewRelease("new") with { StartedAt = start.AddMinutes(5) }, CancellationToken.None);

        var list = await store.ListReleasesAsync(10, CancellationToken.None);

        list.Select(r => r.Id).ShouldBe(["new", "old"]);
    }

    [Fact]
    public async Task AppendAuditAsync_AssignsIncreasingSequencesAndFiltersByRelease()
    {
        var store = await SqliteReleaseStore.OpenAsync(DatabasePath, CancellationToken.None);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = await store.AppendAuditAsync(new AuditEntry(0, "r1", at, "alice", "release.started", "v2"), CancellationToken.None);
        await store.AppendAuditAsync(new AuditEntry(0, "r2", at, "bob", "release.started", "v3"), CancellationToken.None);
        var third = await store.AppendAuditAsync(new AuditEntry(0, "r1", at, "engine", "traffic.shifted", "5%"), CancellationToken.None);

        var r1 = await store.ListAuditAsync("r1", 100, CancellationToken.None);

        third.Sequence.ShouldBeGreaterThan(first.Sequence);
        r1.Select(a => a.Event).ShouldBe(["release.started", "traffic.shifted"]);
        r1[0].Actor.ShouldBe("alice");
        r1[0].At.ShouldBe(at);
        (await store.ListAuditAsync(null, 100, CancellationToken.None)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task AuditTable_UpdateOrDelete_IsRefusedBySqlite()
    {
        var store = await SqliteReleaseStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.AppendAuditAsync(new AuditEntry(0, "r1", default, "alice", "release.started", "v2"), CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "UPDATE audit SET actor = 'mallory'";
        var update = await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        command.CommandText = "DELETE FROM audit";
        var delete = await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("append-only");
        (await store.ListAuditAsync(null, 10, CancellationToken.None)).Single().Actor.ShouldBe("alice");
    }

    [Fact]
    public async Task SaveDeploymentAsync_OverwritesTheSingleRow()
    {
        var store = await SqliteReleaseStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.SaveDeploymentAsync(new Deployment("v1", [], default), CancellationToken.None);
        await store.SaveDeploymentAsync(new Deployment("v2", [new InstanceEndpoint("v2-1", "v2", "127.0.0.1", 18100, 1)], default), CancellationToken.None);

        var deployment = await store.GetDeploymentAsync(CancellationToken.None);

        deployment!.Version.ShouldBe("v2");
        deployment.Instances.Single().Port.ShouldBe(18100);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ReleaseState NewRelease(string id) => new()
    {
        Id = id,
        Kind = ReleaseKind.Deploy,
        Version = "v2",
        PreviousVersion = "v1",
        Strategy = ReleaseStrategyKind.Canary,
        Steps = new CanarySpec().Steps,
        RequestedBy = "alice",
        StartedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
