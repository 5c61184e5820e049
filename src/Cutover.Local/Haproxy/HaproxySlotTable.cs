namespace Cutover.Local.Haproxy;

/// <summary>Which instance holds which server slot of one backend, and the weight last set on it. Not thread-safe: the router serialises access.</summary>
internal sealed class HaproxySlotTable(string backend, int slotCount)
{
    private readonly Dictionary<string, Entry> _byInstance = new(StringComparer.Ordinal);
    private readonly HashSet<int> _reserved = [];

    public string Backend => backend;

    public int SlotCount => slotCount;

    public IEnumerable<string> InstanceIds => _byInstance.OrderBy(pair => pair.Value.Slot).Select(pair => pair.Key);

    public bool TryGet(string instanceId, out Entry entry) => _byInstance.TryGetValue(instanceId, out entry!);

    public bool IsOccupied(int slot) => _reserved.Contains(slot) || _byInstance.Values.Any(entry => entry.Slot == slot);

    /// <summary>The lowest free slot, or null when every slot is taken.</summary>
    public int? FindFree()
    {
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (!IsOccupied(slot))
            {
                return slot;
            }
        }

        return null;
    }

    public void Assign(string instanceId, int slot, string address, int weight)
    {
        _reserved.Remove(slot);
        _byInstance[instanceId] = new Entry(slot, address, weight);
    }

    public void SetWeight(string instanceId, int weight) => _byInstance[instanceId] = _byInstance[instanceId] with { Weight = weight };

    public void Release(string instanceId) => _byInstance.Remove(instanceId);

    /// <summary>Marks a slot as taken by something this table cannot name (found after a restart): never handed out.</summary>
    public void Reserve(int slot) => _reserved.Add(slot);

    public void ReleaseReserved(int slot) => _reserved.Remove(slot);

    public IReadOnlyCollection<int> ReservedSlots => _reserved;

    public void Clear()
    {
        _byInstance.Clear();
        _reserved.Clear();
    }

    internal sealed record Entry(int Slot, string Address, int Weight);
}
