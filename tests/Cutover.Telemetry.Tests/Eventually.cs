namespace Cutover.Telemetry.Tests;

/// <summary>Waits for something written asynchronously (log and EMF lines, exported spans).</summary>
internal static class Eventually
{
    public static async Task<T> FindAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var elapsed = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (TimeProvider.System.GetElapsedTime(elapsed) > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new ShouldAssertException($"Timed out waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }
}
