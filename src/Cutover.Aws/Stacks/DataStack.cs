using Cutover.Aws.Constructs;
using Cutover.Aws.Settings;
using Constructs;

namespace Cutover.Aws.Stacks;

/// <summary>The region's data: the primary database with its proxy and secret, or the read replica; the backup vault and plan.</summary>
internal sealed class DataStack : CutoverStack
{
    public DataStack(Construct scope, Deployment deployment, RegionPlan region, Network network, Network peer)
        : base(scope, "data", deployment, region, region.IsPrimary ? "PostgreSQL, RDS Proxy, secret, backups" : "PostgreSQL read replica, backup vault")
    {
        var key = CreateKey("data").Key;
        if (region.IsPrimary)
        {
            Database = new Database(this, "Database", new DatabaseProps
            {
                Deployment = deployment,
                Vpc = network.Vpc,
                Key = key,
                PeerAppSubnetCidrs = peer.AppSubnetCidrs,
            });
            Backup = new BackupPlan(this, "Backup", deployment, region, key, Database.Instance.InstanceArn);
        }
        else
        {
            Replica = new DatabaseReplica(this, "Replica", deployment, network.Vpc, key);
            Backup = new BackupPlan(this, "Backup", deployment, region, key, databaseArn: null);
        }
    }

    public Database? Database { get; }

    public DatabaseReplica? Replica { get; }

    public BackupPlan Backup { get; }
}
