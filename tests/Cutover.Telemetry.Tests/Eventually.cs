using System.Diagnostics;

namespace Cutover.Telemetry.Tests;

/// <summary>Waits for something written asynchronously (log and EMF lines, exported spans).</summary>
internal static class Eventually
{
    public static async Task<T> FindAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (elapsed.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new ShouldAssertException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
