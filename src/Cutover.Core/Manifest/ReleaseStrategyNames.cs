namespace Cutover.Core.Manifest;

/// <summary>
/// The one spelling of each release strategy, as the manifest writes it (<c>strategy: blueGreen</c>). The CLI's
/// <c>--strategy</c> and the API's deploy request use the same rule, so a name the manifest refuses is refused
/// everywhere (issue 10: <c>--strategy Canary</c> was accepted while <c>strategy: Canary</c> was not).
/// </summary>
public static class ReleaseStrategyNames
{
    /// <summary>The names, case-sensitive, with the strategy each means.</summary>
    public static IReadOnlyDictionary<string, ReleaseStrategyKind> ByName { get; } = new Dictionary<string, ReleaseStrategyKind>(StringComparer.Ordinal)
    {
        ["blueGreen"] = ReleaseStrategyKind.BlueGreen,
        ["canary"] = ReleaseStrategyKind.Canary,
        ["linear"] = ReleaseStrategyKind.Linear,
    };

    /// <summary>The names for an error message: <c>blueGreen, canary or linear</c>.</summary>
    public static string Allowed { get; } = "blueGreen, canary or linear";

    /// <summary>The strategy spelt exactly <paramref name="name"/>, if any.</summary>
    public static bool TryParse(string name, out ReleaseStrategyKind strategy)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name, out strategy);
    }
}
