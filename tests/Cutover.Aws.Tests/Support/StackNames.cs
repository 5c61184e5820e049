namespace Cutover.Aws.Tests.Support;

/// <summary>The stack names of the sample manifest's environments.</summary>
internal static class StackNames
{
    public static string Network(string env, string region) => $"sample-{env}-network-{region}";

    public static string Data(string env, string region) => $"sample-{env}-data-{region}";

    public static string Service(string env, string region) => $"sample-{env}-service-{region}";

    public static string Security(string env, string region) => $"sample-{env}-security-{region}";

    public static string Peering(string env) => $"sample-{env}-peering-use1";

    public static string PeeringRoutes(string env) => $"sample-{env}-peering-routes-use2";
}
