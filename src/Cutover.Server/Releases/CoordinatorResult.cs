using Cutover.Core.Releases;

namespace Cutover.Server.Releases;

/// <summary>A started release, or why none was started.</summary>
public sealed record CoordinatorResult(ReleaseState? Release, CoordinatorError Error, string Message)
{
    public bool Succeeded => Error == CoordinatorError.None;

    public static CoordinatorResult Started(ReleaseState release, string message) => new(release, CoordinatorError.None, message);

    public static CoordinatorResult Refused(CoordinatorError error, string message) => new(null, error, message);
}
