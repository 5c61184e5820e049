namespace Cutover.Local.Signals;

/// <summary>What an instance's process and all its descendants use now.</summary>
/// <param name="ResidentBytes">Resident memory, summed over the tree.</param>
/// <param name="CpuSeconds">User and system CPU time, summed over the tree, with that of children they already reaped.</param>
/// <param name="Processes">How many processes the tree holds.</param>
public sealed record ProcessTreeUsage(long ResidentBytes, double CpuSeconds, int Processes);
