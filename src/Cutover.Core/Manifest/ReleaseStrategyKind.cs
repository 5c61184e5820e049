namespace Cutover.Core.Manifest;

public enum ReleaseStrategyKind
{
    /// <summary>All production traffic moves at once after test traffic and hooks.</summary>
    BlueGreen,

    /// <summary>Traffic moves through fixed steps such as 5, 10, 25, 50, 100 percent.</summary>
    Canary,

    /// <summary>Traffic moves by a fixed percentage every interval.</summary>
    Linear,
}
