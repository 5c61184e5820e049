using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cutover.Core.Instances;
using Cutover.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Cutover.Local.Haproxy;

/// <summary>
/// <see cref="ITrafficRouter"/> over HAProxy's runtime API: instances go into the pre-declared server slots of the
/// <c>production</c> and <c>test</c> backends, weights are set per slot, nothing is ever reloaded. Safe for
/// concurrent callers: one command sequence at a time.
/// </summary>
/// <remarks>
/// A production slot starts DOWN after <see cref="AddAsync"/> and turns UP after <c>rise</c> passing checks, so
/// <see cref="RoutedInstance.Healthy"/> means "HealthyThreshold checks in a row passed". A test slot starts UP (HAProxy's
/// default when a server leaves maintenance) so the test listener serves at once; a failing first check takes it out.
/// </remarks>
public sealed partial class HaproxyRouter : ITrafficRouter, Cutover.Core.Guard.IRequestCountsSource, IDisposable
{
    private readonly HaproxyRuntimeClient _client;
    private readonly ILogger<HaproxyRouter> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HaproxySlotTable _production;
    private readonly HaproxySlotTable _test;
    private readonly string? _stateFilePath;

    /// <param name="options">The socket and slot count; <see cref="HaproxyOptions.ToRouterOptions"/> gives them for a <see cref="HaproxyProcess"/>.</param>
    /// <param name="logger">Where slot assignments and weight changes are logged.</param>
    /// <param name="timeProvider">Clock for command timeouts.</param>
    public HaproxyRouter(HaproxyRouterOptions options, ILogger<HaproxyRouter> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SocketPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SlotCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CommandTimeout, TimeSpan.Zero);
        _client = new HaproxyRuntimeClient(options.SocketPath, options.CommandTimeout, timeProvider);
        _logger = logger;
        _production = new HaproxySlotTable(HaproxyLayout.ProductionBackend, options.SlotCount);
        _test = new HaproxySlotTable(HaproxyLayout.TestBackend, options.SlotCount);
        _stateFilePath = options.StateFilePath;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Every production slot is taken, or the id is routed at another address.</exception>
    /// <exception cref="HaproxyCommandException">HAProxy refused a command; the slot is put back in maintenance.</exception>
    public async Task AddAsync(InstanceEndpoint instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var address = await ResolveAsync(instance, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_production.TryGet(instance.Id, out var existing))
            {
                if (existing.Address == address.Key)
                {
                    return;
                }

                throw new InvalidOperationException(
                    $"Instance '{instance.Id}' is already routed at {existing.Address}, not {address.Key}; remove it first.");
            }

            var slot = _production.FindFree() ?? throw Exhausted(_production, instance.Id);
            await ConfigureSlotAsync(_production, slot, address, weight: 0, cancellationToken).ConfigureAwait(false);
            _production.Assign(instance.Id, slot, address.Key, weight: 0);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var server = HaproxyLayout.ServerPath(_production.Backend, slot);
                LogInstanceAdded(_logger, instance.Id, server, address.Key);
            }
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Raised weights are applied before lowered ones, so shifting traffic from one instance to another never passes
    /// through a moment where every weight is 0 (HAProxy would answer 503).
    /// </remarks>
    /// <exception cref="ArgumentException">An id was never added, or a weight is outside 0-256; nothing is changed.</exception>
    /// <exception cref="HaproxyCommandException">HAProxy refused a command; weights before it in the order were applied.</exception>
    public async Task SetWeightsAsync(IReadOnlyDictionary<string, int> weightsByInstanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weightsByInstanceId);
        var outOfRange = weightsByInstanceId.Where(pair => pair.Value is < 0 or > HaproxyLayout.MaxWeight).ToList();
        if (outOfRange.Count > 0)
        {
            throw new ArgumentException(
                $"Weights must be 0-{HaproxyLayout.MaxWeight}: {string.Join(", ", outOfRange.Select(pair => $"{pair.Key}={pair.Value}"))}.",
                nameof(weightsByInstanceId));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var unknown = weightsByInstanceId.Keys.Where(id => !_production.TryGet(id, out _)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    $"Not in the production pool: {string.Join(", ", unknown)}. Known: {string.Join(", ", _production.InstanceIds)}.",
                    nameof(weightsByInstanceId));
            }

            var changes = weightsByInstanceId
                .Select(pair => (Id: pair.Key, Weight: pair.Value, Entry: Entry(_production, pair.Key)))
                .OrderByDescending(change => change.Weight - change.Entry.Weight)
                .ToList();
            foreach (var change in changes)
            {
                var server = HaproxyLayout.ServerPath(_production.Backend, change.Entry.Slot);
                await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"set server {server} weight {change.Weight}"), cancellationToken)
                    .ConfigureAwait(false);
                _production.SetWeight(change.Id, change.Weight);
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                var summary = string.Join(", ", changes.Select(change => $"{change.Id}={change.Weight}"));
                LogWeightsSet(_logger, summary);
            }
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>New targets are enabled before old ones are put in maintenance, so the test listener has no gap.</remarks>
    /// <exception cref="InvalidOperationException">More targets than test slots.</exception>
    /// <exception cref="HaproxyCommandException">HAProxy refused a command.</exception>
    public async Task SetTestTargetsAsync(IReadOnlyList<InstanceEndpoint> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var duplicates = instances.GroupBy(instance => instance.Id, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Duplicate test targets: {string.Join(", ", duplicates)}.", nameof(instances));
        }

        var targets = new List<(string Id, ResolvedAddress Address)>();
        foreach (var instance in instances)
        {
            targets.Add((instance.Id, await ResolveAsync(instance, cancellationToken).ConfigureAwait(false)));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (id, address) in targets)
            {
                int slot;
                if (_test.TryGet(id, out var existing))
                {
                    if (existing.Address == address.Key)
                    {
                        continue;
                    }

                    slot = existing.Slot;
                }
                else
                {
                    slot = _test.FindFree() ?? throw Exhausted(_test, id);
                }

                await ConfigureSlotAsync(_test, slot, address, HaproxyLayout.TestWeight, cancellationToken).ConfigureAwait(false);
                _test.Assign(id, slot, address.Key, HaproxyLayout.TestWeight);
            }

            var wanted = targets.Select(target => target.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in _test.InstanceIds.Where(id => !wanted.Contains(id)).ToList())
            {
                await ResetSlotAsync(_test.Backend, Entry(_test, id).Slot, cancellationToken).ConfigureAwait(false);
                _test.Release(id);
            }

            // Slots found occupied after a restart but unknown: the test listener routes to exactly the targets.
            foreach (var slot in _test.ReservedSlots.ToList())
            {
                await ResetSlotAsync(_test.Backend, slot, cancellationToken).ConfigureAwait(false);
                _test.ReleaseReserved(slot);
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                var summary = wanted.Count == 0 ? "(none)" : string.Join(", ", wanted);
                LogTestTargetsSet(_logger, summary);
            }
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Unknown ids are ignored, so a retried removal is harmless. Open sessions are not cut: maintenance only stops new ones.</remarks>
    public async Task RemoveAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var removed = false;
            foreach (var table in new[] { _production, _test })
            {
                if (table.TryGet(instanceId, out var entry))
                {
                    await ResetSlotAsync(table.Backend, entry.Slot, cancellationToken).ConfigureAwait(false);
                    table.Release(instanceId);
                    removed = true;
                }
            }

            if (removed)
            {
                LogInstanceRemoved(_logger, instanceId);
            }
            else
            {
                LogRemoveUnknown(_logger, instanceId);
            }
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One entry per instance in the production or test pool. <see cref="RoutedInstance.Weight"/> is the production
    /// weight (0 for a test-only instance); <see cref="RoutedInstance.Healthy"/> is true while HAProxy's status is
    /// <c>UP</c> or <c>UP n/m</c> (still in rotation); <see cref="RoutedInstance.CurrentSessions"/> counts production and
    /// test sessions; <see cref="RoutedInstance.Status"/> is HAProxy's status and last check, e.g. <c>DOWN (L4CON: Connection refused)</c>.
    /// </remarks>
    public async Task<IReadOnlyList<RoutedInstance>> GetStateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rows = (await _client.ShowServersAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(row => (row.Backend, row.Server));
            HaproxyServerStat? Row(HaproxySlotTable table, string id) =>
                table.TryGet(id, out var entry) && rows.TryGetValue((table.Backend, HaproxyLayout.SlotName(entry.Slot)), out var row) ? row : null;

            var state = new List<RoutedInstance>();
            foreach (var id in _production.InstanceIds.Concat(_test.InstanceIds.Where(id => !_production.TryGet(id, out _))))
            {
                var production = Row(_production, id);
                var test = Row(_test, id);
                var sessions = (production?.CurrentSessions ?? 0) + (test?.CurrentSessions ?? 0);
                state.Add(_production.TryGet(id, out _)
                    ? new RoutedInstance(id, production?.Weight ?? 0, production?.IsUp ?? false, sessions, production?.Describe() ?? "MISSING")
                    : new RoutedInstance(id, 0, test?.IsUp ?? false, sessions, "test only: " + (test?.Describe() ?? "MISSING")));
            }

            return state;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The production backend's per-server response counters from <c>show stat</c>. A slot keeps counting across the
    /// instances that held it, which is why the guard only uses differences between reads of the same instance.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, Cutover.Core.Guard.ErrorCounts>> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rows = (await _client.ShowServersAsync(cancellationToken).ConfigureAwait(false))
                .Where(row => row.Backend == _production.Backend)
                .ToDictionary(row => row.Server, StringComparer.Ordinal);
            var counts = new Dictionary<string, Cutover.Core.Guard.ErrorCounts>(StringComparer.Ordinal);
            foreach (var id in _production.InstanceIds)
            {
                if (_production.TryGet(id, out var entry) && rows.TryGetValue(HaproxyLayout.SlotName(entry.Slot), out var row))
                {
                    counts[id] = new Cutover.Core.Guard.ErrorCounts(row.Responses, row.Responses5xx);
                }
            }

            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Re-learns the slot map after a control-plane restart from what HAProxy reports. Every slot whose address is not the
    /// placeholder is occupied: it is mapped to the id <paramref name="instanceIdForAddress"/> returns for its
    /// <c>ip:port</c>, or, for null, kept out of use (never handed to a new instance) and reported with a null id.
    /// Call before any other method; it replaces the whole map.
    /// </summary>
    /// <returns>Every occupied slot of both backends.</returns>
    /// <exception cref="InvalidOperationException">HAProxy declares fewer slots than <see cref="HaproxyRouterOptions.SlotCount"/>.</exception>
    public async Task<IReadOnlyList<HaproxySlot>> RecoverAsync(Func<string, string?> instanceIdForAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIdForAddress);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rows = await _client.ShowServersAsync(cancellationToken).ConfigureAwait(false);
            var slots = new List<HaproxySlot>();
            foreach (var table in new[] { _production, _test })
            {
                var declared = rows
                    .Where(row => row.Backend == table.Backend)
                    .Select(row => (Row: row, Slot: HaproxyLayout.TryParseSlot(row.Server, out var slot) ? slot : -1))
                    .Where(pair => pair.Slot >= 0 && pair.Slot < table.SlotCount)
                    .ToList();
                if (declared.Count < table.SlotCount)
                {
                    throw new InvalidOperationException(
                        $"HAProxy declares {declared.Count} slots in backend '{table.Backend}', the router expects {table.SlotCount}: the config and the router options disagree.");
                }

                table.Clear();
                foreach (var (row, slot) in declared.Where(pair => !pair.Row.HasPlaceholderAddress).OrderBy(pair => pair.Slot))
                {
                    var address = NormalizeAddress(row.Address);
                    var id = instanceIdForAddress(address);
                    if (id is not null && !table.TryGet(id, out _))
                    {
                        table.Assign(id, slot, address, row.Weight);
                    }
                    else
                    {
                        id = null;
                        table.Reserve(slot);
                    }

                    slots.Add(new HaproxySlot(table.Backend, row.Server, address, id, row.Weight, row.Status));
                }
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                var mapped = slots.Count(slot => slot.InstanceId is not null);
                LogRecovered(_logger, mapped, slots.Count - mapped);
            }
            return slots;
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <summary>
    /// <see cref="RecoverAsync(Func{string, string?}, CancellationToken)"/> matching slot addresses against the instances
    /// the control plane knows to be running.
    /// </summary>
    public async Task<IReadOnlyList<HaproxySlot>> RecoverAsync(IReadOnlyCollection<InstanceEndpoint> runningInstances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runningInstances);
        var byAddress = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in runningInstances)
        {
            byAddress.TryAdd((await ResolveAsync(instance, cancellationToken).ConfigureAwait(false)).Key, instance.Id);
        }

        return await RecoverAsync(address => byAddress.GetValueOrDefault(address), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the slots <see cref="RecoverAsync(Func{string, string?}, CancellationToken)"/> could not name out of both
    /// pools (maintenance: open sessions finish, no new ones) and frees them. Call once the known instances carry
    /// the traffic: a pool whose only weighted slots are released answers 503.
    /// </summary>
    /// <returns>How many slots were released.</returns>
    public async Task<int> ReleaseUnrecognizedSlotsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var released = 0;
            foreach (var table in new[] { _production, _test })
            {
                foreach (var slot in table.ReservedSlots.ToList())
                {
                    await ResetSlotAsync(table.Backend, slot, cancellationToken).ConfigureAwait(false);
                    table.ReleaseReserved(slot);
                    released++;
                }
            }

            return released;
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <summary>
    /// Puts every slot this router assigned back into a HAProxy that was started again from its configuration, where
    /// every slot is in maintenance: same address and weight in both backends, so the traffic split from before the
    /// crash (mid-release too) is what the new process serves. Returns how many slots of each listener were restored.
    /// </summary>
    /// <exception cref="HaproxyCommandException">HAProxy refused a command; the slots before it were restored.</exception>
    public async Task<(int Production, int Test)> RestoreAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var restored = 0;
            var production = 0;
            foreach (var table in new[] { _production, _test })
            {
                if (table == _test)
                {
                    production = restored;
                }

                foreach (var id in table.InstanceIds.ToList())
                {
                    var entry = Entry(table, id);
                    var endPoint = IPEndPoint.Parse(entry.Address);
                    // Not marked down: these instances served a moment ago, and every second without them is an outage.
                    // Checks resume at once and take out any that died meanwhile.
                    await ConfigureSlotAsync(table, entry.Slot, new ResolvedAddress(endPoint.Address, endPoint.Port), entry.Weight, markDown: false, cancellationToken).ConfigureAwait(false);
                    restored++;
                }
            }

            LogRestored(_logger, restored);
            return (production, restored - production);
        }
        finally
        {
            await SaveServerStateQuietlyAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Writes HAProxy's own <c>show servers state</c> to the state file it loads when restarted, so a HAProxy that died
    /// comes back serving the same slots and weights with no 503 window. Called under the gate after every change,
    /// whether or not the change completed: the file records what HAProxy holds. Never throws: a failure only costs the
    /// fast restart, and <see cref="RestoreAsync"/> still puts the slots back.
    /// </summary>
    private async Task SaveServerStateQuietlyAsync()
    {
        if (_stateFilePath is null)
        {
            return;
        }

        try
        {
            var state = await _client.SendAsync("show servers state", CancellationToken.None).ConfigureAwait(false);
            if (!state.StartsWith('1'))
            {
                return;
            }

            var temporary = _stateFilePath + ".tmp";
            await File.WriteAllTextAsync(temporary, state, CancellationToken.None).ConfigureAwait(false);
            File.Move(temporary, _stateFilePath, overwrite: true);
        }
#pragma warning disable CA1031 // A dead HAProxy or a full disk must not fail the routing change that already happened.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStateNotSaved(_logger, _stateFilePath, exception.Message);
        }
    }

    /// <summary>Points a slot at an instance and takes it out of maintenance, or puts it back in maintenance on failure.</summary>
    private Task ConfigureSlotAsync(HaproxySlotTable table, int slot, ResolvedAddress address, int weight, CancellationToken cancellationToken) =>
        ConfigureSlotAsync(table, slot, address, weight, markDown: true, cancellationToken);

    private async Task ConfigureSlotAsync(HaproxySlotTable table, int slot, ResolvedAddress address, int weight, bool markDown, CancellationToken cancellationToken)
    {
        var server = HaproxyLayout.ServerPath(table.Backend, slot);
        try
        {
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"set server {server} addr {address.Ip} port {address.Port}"), cancellationToken)
                .ConfigureAwait(false);
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"set server {server} weight {weight}"), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync($"set server {server} state ready", cancellationToken).ConfigureAwait(false);
            if (markDown && table.Backend == HaproxyLayout.ProductionBackend)
            {
                // Leaving maintenance, HAProxy counts a server as UP until its first check fails. Marking it down
                // makes it earn UP with `rise` passing checks, which is what the manifest's HealthyThreshold means.
                await ExecuteAsync($"set server {server} health down", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is HaproxyCommandException or OperationCanceledException)
        {
            await ResetSlotQuietlyAsync(table.Backend, slot).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Maintenance first (no new sessions; open ones finish), then back to the placeholder address and weight 0.</summary>
    private async Task ResetSlotAsync(string backend, int slot, CancellationToken cancellationToken)
    {
        var server = HaproxyLayout.ServerPath(backend, slot);
        await ExecuteAsync($"set server {server} state maint", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            string.Create(CultureInfo.InvariantCulture, $"set server {server} addr {HaproxyLayout.PlaceholderHost} port {HaproxyLayout.PlaceholderPort}"),
            cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"set server {server} weight 0", cancellationToken).ConfigureAwait(false);
    }

    private async Task ResetSlotQuietlyAsync(string backend, int slot)
    {
        try
        {
            await ResetSlotAsync(backend, slot, CancellationToken.None).ConfigureAwait(false);
        }
        catch (HaproxyCommandException exception)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                var server = HaproxyLayout.ServerPath(backend, slot);
                LogResetFailed(_logger, server, exception.Message);
            }
        }
    }

    private async Task ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        var result = await _client.TryExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogCommandRejected(_logger, command, result.Reply);
            throw result.ToException();
        }
    }

    private static HaproxySlotTable.Entry Entry(HaproxySlotTable table, string id) =>
        table.TryGet(id, out var entry) ? entry : throw new InvalidOperationException($"'{id}' has no slot in '{table.Backend}'.");

    private static InvalidOperationException Exhausted(HaproxySlotTable table, string instanceId) => new(
        $"Cannot route instance '{instanceId}': all {table.SlotCount} slots of HAProxy backend '{table.Backend}' are in use. " +
        "Remove drained instances first, or raise SlotCount (it takes a HAProxy restart).");

    /// <summary>HAProxy's runtime API takes IP literals only; a host name is resolved here, preferring IPv4.</summary>
    private static async Task<ResolvedAddress> ResolveAsync(InstanceEndpoint instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance.Host);
        if (instance.Port is < 1 or > 65535)
        {
            // HAProxy would silently wrap an out-of-range port (99999 becomes 34463).
            throw new ArgumentOutOfRangeException(nameof(instance), instance.Port, $"Instance '{instance.Id}' has port {instance.Port}, outside 1-65535.");
        }

        if (!IPAddress.TryParse(instance.Host.Trim('[', ']'), out var ip))
        {
            var addresses = instance.Host == "localhost"
                ? [IPAddress.Loopback]
                : await Dns.GetHostAddressesAsync(instance.Host, cancellationToken).ConfigureAwait(false);
            ip = addresses.FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException($"Host '{instance.Host}' of instance '{instance.Id}' has no address.", nameof(instance));
        }

        return new ResolvedAddress(ip, instance.Port);
    }

    private static string NormalizeAddress(string address) =>
        IPEndPoint.TryParse(address, out var endPoint) ? new ResolvedAddress(endPoint.Address, endPoint.Port).Key : address;

    private sealed record ResolvedAddress(IPAddress Ip, int Port)
    {
        /// <summary><c>ip:port</c>, IPv6 in brackets: the form HAProxy's <c>show stat</c> reports.</summary>
        public string Key => HaproxyConfigRenderer.Bind(Ip.ToString(), Port);
    }
}
