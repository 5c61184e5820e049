using System.Globalization;

namespace Cutover.Local.Signals;

/// <summary>
/// Memory and CPU of process trees from <c>/proc</c>, measured by the control plane instead of reported by the service
/// (issue 12): a wrapper script, a shell or a worker pool counts with everything it started.
/// </summary>
public static class ProcessTreeSampler
{
    /// <summary>Linux reports CPU time in USER_HZ ticks, 100 per second on every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Usage of each root process's tree; roots that are gone are left out.</summary>
    public static IReadOnlyDictionary<int, ProcessTreeUsage> Sample(IReadOnlyCollection<int> roots, string procRoot = "/proc")
    {
        ArgumentNullException.ThrowIfNull(roots);
        var stats = new Dictionary<int, Stat>();
        foreach (var directory in Directory.EnumerateDirectories(procRoot))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(directory) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var children = stats.GroupBy(pair => pair.Value.ParentId).ToDictionary(group => group.Key, group => group.Select(pair => pair.Key).ToList());
        var usage = new Dictionary<int, ProcessTreeUsage>();
        foreach (var root in roots.Distinct())
        {
            if (!stats.ContainsKey(root))
            {
                continue;
            }

            long resident = 0;
            long ticks = 0;
            var count = 0;
            var pending = new Stack<int>([root]);
            var seen = new HashSet<int>();
            while (pending.TryPop(out var pid))
            {
                if (!seen.Add(pid) || !stats.TryGetValue(pid, out var stat))
                {
                    continue;
                }

                resident += stat.ResidentPages * Environment.SystemPageSize;
                ticks += stat.CpuTicks;
                count++;
                foreach (var child in children.GetValueOrDefault(pid) ?? [])
                {
                    pending.Push(child);
                }
            }

            usage[root] = new ProcessTreeUsage(resident, ticks / TicksPerSecond, count);
        }

        return usage;
    }

    /// <summary>Fields of <c>/proc/[pid]/stat</c>, counted after the command name, which may hold spaces and parentheses.</summary>
    private static Stat? Read(string directory)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Exited between the listing and the read.
            return null;
        }

        var end = text.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        // After "pid (comm) ": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17) ... rss(24).
        var fields = text[(end + 2)..].Split(' ');
        if (fields.Length < 22)
        {
            return null;
        }

        long Field(int number) => long.Parse(fields[number - 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new Stat((int)Field(4), Field(14) + Field(15) + Field(16) + Field(17), Math.Max(0, Field(24)));
    }

    private readonly record struct Stat(int ParentId, long CpuTicks, long ResidentPages);
}
