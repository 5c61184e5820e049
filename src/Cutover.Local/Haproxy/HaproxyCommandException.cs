namespace Cutover.Local.Haproxy;

/// <summary>
/// HAProxy refused or did not answer a runtime API command. Thrown, not ignored: a weight change that did not happen
/// would leave traffic where the caller believes it is not.
/// </summary>
public sealed class HaproxyCommandException : Exception
{
    public HaproxyCommandException()
        : this(string.Empty, string.Empty)
    {
    }

    public HaproxyCommandException(string message)
        : base(message)
    {
        Command = string.Empty;
        Reply = string.Empty;
    }

    public HaproxyCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Command = string.Empty;
        Reply = string.Empty;
    }

    public HaproxyCommandException(string command, string reply, string? detail = null, Exception? innerException = null)
        : base(FormatMessage(command, reply, detail), innerException)
    {
        Command = command;
        Reply = reply;
    }

    /// <summary>The command as sent, e.g. <c>set server production/s3 weight 40</c>.</summary>
    public string Command { get; }

    /// <summary>HAProxy's reply, trimmed; empty when there was none.</summary>
    public string Reply { get; }

    private static string FormatMessage(string command, string reply, string? detail)
    {
        var what = detail ?? (reply.Length > 0 ? $"HAProxy answered: {reply}" : "HAProxy gave no answer");
        return $"HAProxy runtime API command '{command}' failed. {what}";
    }
}
