namespace Cutover.Local.Haproxy;

/// <summary>One runtime API command and HAProxy's reply. <see cref="Succeeded"/> is false when the reply is an error.</summary>
internal sealed record HaproxyCommandResult(string Command, string Reply, bool Succeeded)
{
    public HaproxyCommandException ToException() => new(Command, Reply);
}
