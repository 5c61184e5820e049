namespace Cutover.Server.Releases;

/// <summary>Why the coordinator refused a request; the API maps each to an HTTP status.</summary>
public enum CoordinatorError
{
    None,
    InvalidArgument,
    NotFound,
    Conflict,
}
