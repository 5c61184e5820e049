namespace Cutover.Core.Releases;

public static class ReleasePhaseExtensions
{
    public static bool IsTerminal(this ReleasePhase phase) =>
        phase is ReleasePhase.Succeeded or ReleasePhase.RolledBack or ReleasePhase.Failed;
}
