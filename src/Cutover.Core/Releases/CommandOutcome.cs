namespace Cutover.Core.Releases;

/// <summary>Whether a command was accepted by the running release, and if not why.</summary>
/// <param name="Accepted">True when the release took the command.</param>
/// <param name="Message">What happened, for the operator.</param>
/// <param name="NotSaved">Refused because the command could not be saved (a full disk): nothing changed, retry later.</param>
public sealed record CommandOutcome(bool Accepted, string Message, bool NotSaved = false)
{
    public static CommandOutcome Ok(string message) => new(true, message);

    public static CommandOutcome Refused(string message) => new(false, message);

    public static CommandOutcome Unsaved(string message) => new(false, message, NotSaved: true);
}
