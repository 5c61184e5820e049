namespace Cutover.SampleService.Faults;

/// <summary>
/// Memory that is allocated and kept on purpose. Each chunk is written once per page, because untouched pages of a
/// fresh allocation are not resident and would not move RSS.
/// </summary>
internal sealed class MemoryBallast
{
    private const int ChunkBytes = 1024 * 1024;

    private readonly List<byte[]> _chunks = [];
    private long _heldBytes;

    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    /// <summary>Allocates until at least <paramref name="targetBytes"/> are held (in whole chunks); never frees.</summary>
    public void GrowTo(long targetBytes)
    {
        var pageSize = Environment.SystemPageSize;
        while (HeldBytes < targetBytes)
        {
            var chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
            for (var i = 0; i < chunk.Length; i += pageSize)
            {
                chunk[i] = 1;
            }

            _chunks.Add(chunk);
            Interlocked.Add(ref _heldBytes, chunk.Length);
        }
    }
}
