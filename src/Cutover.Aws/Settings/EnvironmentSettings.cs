namespace Cutover.Aws.Settings;

/// <summary>
/// The sizing and safety settings of one AWS environment: what differs between dev, staging and prod.
/// The defaults per environment are in <see cref="EnvironmentCatalog"/>; docs/aws.md has the table.
/// </summary>
public sealed record EnvironmentSettings
{
    public required string Name { get; init; }

    /// <summary>Availability zones per region (2 or 3).</summary>
    public required int AvailabilityZones { get; init; }

    /// <summary>NAT gateways per region: one per AZ in prod, one in dev.</summary>
    public required int NatGateways { get; init; }

    /// <summary>Smallest task count autoscaling may go to.</summary>
    public required int MinCapacity { get; init; }

    /// <summary>Largest task count autoscaling may go to.</summary>
    public required int MaxCapacity { get; init; }

    /// <summary>Minimum task count during business hours (scheduled scaling), at least <see cref="MinCapacity"/>.</summary>
    public required int BusinessHoursMinCapacity { get; init; }

    /// <summary>Run tasks on Fargate Spot (non-prod): cheaper, may be interrupted with two minutes' notice.</summary>
    public required bool FargateSpot { get; init; }

    /// <summary>Task CPU units (1024 = 1 vCPU).</summary>
    public required int TaskCpu { get; init; }

    /// <summary>Task memory in MiB; the memory alarm's 80% is of this.</summary>
    public required int TaskMemoryMiB { get; init; }

    /// <summary>Retention of every log group, in days (a value CloudWatch Logs accepts).</summary>
    public required int LogRetentionDays { get; init; }

    /// <summary>RDS instance class, such as <c>t4g.micro</c>.</summary>
    public required string DatabaseInstanceClass { get; init; }

    /// <summary>Whether the primary database is Multi-AZ.</summary>
    public required bool DatabaseMultiAz { get; init; }

    /// <summary>Automated backup retention of the database and of AWS Backup recovery points, in days.</summary>
    public required int BackupRetentionDays { get; init; }

    /// <summary>Protects the database and the stateful resources from deletion.</summary>
    public required bool DeletionProtection { get; init; }

    /// <summary>Creates the AWS Config recorder and delivery channel (one per account and region; off when an organisation provides it).</summary>
    public bool CreateConfigRecorder { get; init; } = true;

    /// <summary>Creates the GuardDuty detector (one per account and region; off when an organisation provides it).</summary>
    public bool CreateGuardDutyDetector { get; init; } = true;
}
