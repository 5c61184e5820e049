namespace Cutover.Aws.Settings;

/// <summary>The settings of the environments Cutover knows: dev, staging and prod. Any other name gets staging's.</summary>
public static class EnvironmentCatalog
{
    public static EnvironmentSettings Dev { get; } = new()
    {
        Name = "dev",
        AvailabilityZones = 2,
        NatGateways = 1,
        MinCapacity = 1,
        MaxCapacity = 4,
        BusinessHoursMinCapacity = 1,
        FargateSpot = true,
        TaskCpu = 256,
        TaskMemoryMiB = 512,
        LogRetentionDays = 14,
        DatabaseInstanceClass = "t4g.micro",
        DatabaseMultiAz = false,
        BackupRetentionDays = 7,
        DeletionProtection = false,
    };

    public static EnvironmentSettings Staging { get; } = new()
    {
        Name = "staging",
        AvailabilityZones = 2,
        NatGateways = 2,
        MinCapacity = 2,
        MaxCapacity = 6,
        BusinessHoursMinCapacity = 2,
        FargateSpot = true,
        TaskCpu = 512,
        TaskMemoryMiB = 1024,
        LogRetentionDays = 30,
        DatabaseInstanceClass = "t4g.medium",
        DatabaseMultiAz = true,
        BackupRetentionDays = 14,
        DeletionProtection = false,
    };

    public static EnvironmentSettings Prod { get; } = new()
    {
        Name = "prod",
        AvailabilityZones = 3,
        NatGateways = 3,
        MinCapacity = 2,
        MaxCapacity = 20,
        BusinessHoursMinCapacity = 4,
        FargateSpot = false,
        TaskCpu = 1024,
        TaskMemoryMiB = 2048,
        LogRetentionDays = 365,
        DatabaseInstanceClass = "m6g.large",
        DatabaseMultiAz = true,
        BackupRetentionDays = 35,
        DeletionProtection = true,
    };

    /// <summary>The settings for an environment name from the manifest.</summary>
    public static EnvironmentSettings For(string environmentName) => environmentName switch
    {
        "dev" => Dev,
        "prod" => Prod,
        "staging" => Staging,
        _ => Staging with { Name = environmentName },
    };
}
