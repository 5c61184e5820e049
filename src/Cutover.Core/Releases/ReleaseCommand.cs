namespace Cutover.Core.Releases;

/// <summary>What an operator can ask of a running release.</summary>
public enum ReleaseCommand
{
    Pause,
    Resume,

    /// <summary>Approve a release waiting for approval, or skip the remaining steps and bake.</summary>
    Promote,

    /// <summary>Send all traffic back to the current version and stop the new one.</summary>
    Abort,
}
