namespace Cutover.Server.Platform;

/// <summary>
/// <c>cutover up</c> refuses to start on a state directory whose file system has less free space than the
/// environment's <c>minFreeDiskMb</c> (issue 10): a platform that starts on an almost full disk fills it mid-release.
/// </summary>
public static class StateDiskCheck
{
    /// <summary>Why the platform must not start, or null when the state directory has room.</summary>
    public static string? Problem(ControlPlaneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var minimum = options.Environment.MinFreeDiskMb;
        if (minimum == 0)
        {
            return null;
        }

        // The directory may not exist yet: its nearest existing parent is on the same file system.
        var existing = options.StateDirectory;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        long free;
        try
        {
            free = new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var freeMb = free / (1024.0 * 1024.0);
        return freeMb >= minimum
            ? null
            : $"not starting: the state directory {options.StateDirectory} has {freeMb:0.0} MiB free, below the minimum of {minimum} MiB " +
              $"(environments.{options.Environment.Name}.minFreeDiskMb in {options.Manifest.SourcePath}, default {Core.Manifest.EnvironmentSpec.DefaultMinFreeDiskMb}). " +
              $"Free space there (see 'df -h {existing}'), give another directory with --state-dir, or lower minFreeDiskMb (0 turns the check off)";
    }
}
