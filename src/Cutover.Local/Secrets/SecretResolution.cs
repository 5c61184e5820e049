namespace Cutover.Local.Secrets;

/// <summary>
/// The values of an environment's secrets, or every problem that kept one from resolving. A class rather than a
/// record so that no generated <c>ToString</c> can ever print a value into a log.
/// </summary>
public sealed class SecretResolution
{
    internal SecretResolution(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> problems)
    {
        Values = values;
        Problems = problems;
    }

    /// <summary>Variable name to secret value. Never log these.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>One sentence per secret that did not resolve, naming its manifest field; never a value.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool Resolved => Problems.Count == 0;

    public override string ToString() => Resolved ? $"{Values.Count} secret(s) resolved" : string.Join(Environment.NewLine, Problems);
}
