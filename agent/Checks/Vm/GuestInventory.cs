using Warden.Agent.Vms;

namespace Warden.Agent.Checks.Vm;

/// <summary>
/// The running guests, shared by the VM checks: one /proc scan serves every check that asks within
/// <see cref="MaxAge"/>, so three checks on a small host do not scan three times.
/// </summary>
internal sealed class GuestInventory(GuestDiscovery discovery, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private IReadOnlyList<RunningGuest> _guests = [];
    private long _scannedAt;
    private bool _scanned;

    public IReadOnlyList<RunningGuest> Running()
    {
        lock (_lock)
        {
            if (!_scanned || time.GetElapsedTime(_scannedAt) >= MaxAge)
            {
                _guests = discovery.Scan();
                _scannedAt = time.GetTimestamp();
                _scanned = true;
            }
            return _guests;
        }
    }

    /// <summary>A running guest known by <paramref name="nameOrUuid"/>, or null.</summary>
    public RunningGuest? Find(string nameOrUuid)
    {
        var running = Running();
        for (var i = 0; i < running.Count; i++)
        {
            var guest = running[i];
            if (string.Equals(guest.Name, nameOrUuid, StringComparison.Ordinal)
                || string.Equals(guest.Uuid, nameOrUuid, StringComparison.OrdinalIgnoreCase))
            {
                return guest;
            }
        }
        return null;
    }
}
