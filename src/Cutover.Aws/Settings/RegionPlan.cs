namespace Cutover.Aws.Settings;

/// <summary>One of the two regions an environment runs in: its role, address space and availability zones.</summary>
/// <param name="Region">Region code, such as <c>us-east-1</c>.</param>
/// <param name="IsPrimary">The first region of the manifest's list: it holds the writable database and the ECR source.</param>
/// <param name="Cidr">The VPC's address space; the two regions never overlap, so they can be peered.</param>
/// <param name="AvailabilityZones">The zones used, pinned so synthesis needs no AWS lookup.</param>
public sealed record RegionPlan(string Region, bool IsPrimary, string Cidr, IReadOnlyList<string> AvailabilityZones)
{
    /// <summary>A short code for names with length limits: <c>us-east-1</c> is <c>use1</c>.</summary>
    public string ShortName
    {
        get
        {
            var parts = Region.Split('-');
            return parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : Region.Replace("-", string.Empty, StringComparison.Ordinal);
        }
    }

    /// <summary>The plans for an environment's regions: the first primary, address spaces 10.10.0.0/16, 10.20.0.0/16.</summary>
    public static IReadOnlyList<RegionPlan> For(IReadOnlyList<string> regions, int availabilityZones) =>
        regions.Select((region, index) => new RegionPlan(
            region,
            index == 0,
            $"10.{10 * (index + 1)}.0.0/16",
            "abc".Take(availabilityZones).Select(zone => $"{region}{zone}").ToList())).ToList();
}
