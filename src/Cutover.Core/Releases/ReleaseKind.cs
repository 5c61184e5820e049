namespace Cutover.Core.Releases;

public enum ReleaseKind
{
    /// <summary>A new version asked for with <c>deploy</c>.</summary>
    Deploy,

    /// <summary>The previous version brought back with <c>rollback</c> after a release finished.</summary>
    Rollback,
}
