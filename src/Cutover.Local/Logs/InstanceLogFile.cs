using System.Text.RegularExpressions;

namespace Cutover.Local.Logs;

/// <summary>
/// An instance's log file, <c>&lt;instanceId&gt;.log</c>: the instance id is the file name, and the version is the id
/// without the <c>-&lt;port&gt;-&lt;suffix&gt;</c> that <c>ProcessInstanceRuntime</c> appends.
/// </summary>
internal sealed partial record InstanceLogFile(string Path, string Instance, string? Version)
{
    public static InstanceLogFile FromPath(string path)
    {
        var instance = System.IO.Path.GetFileNameWithoutExtension(path);
        var match = InstanceIdPattern().Match(instance);
        return new InstanceLogFile(path, instance, match.Success ? match.Groups["version"].Value : null);
    }

    [GeneratedRegex("^(?<version>.+)-[0-9]+-[0-9a-f]+$")]
    private static partial Regex InstanceIdPattern();
}
