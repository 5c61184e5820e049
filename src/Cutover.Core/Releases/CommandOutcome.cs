namespace Cutover.Core.Releases;

/// <summary>Whether a command was accepted by the running release, and if not why.</summary>
public sealed record CommandOutcome(bool Accepted, string Message)
{
    public static CommandOutcome Ok(string message) => new(true, message);

    public static CommandOutcome Refused(string message) => new(false, message);
}
