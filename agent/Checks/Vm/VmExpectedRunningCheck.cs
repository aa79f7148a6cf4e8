using Warden.Agent.Vms;

namespace Warden.Agent.Checks.Vm;

/// <summary>
/// vm_expected_running: every expected guest (configured, or defined in libvirt) must have a QEMU process.
/// One outcome per expected guest.
/// </summary>
internal sealed class VmExpectedRunningCheck(
    CheckSettings settings, IReadOnlyList<string> configured, string libvirtConfigDirectory, string libvirtRuntimeDirectory,
    GuestInventory inventory) : ICheck
{
    private readonly string[] _configured = [.. configured.Distinct(StringComparer.Ordinal)];

    public string Name => "vm_expected_running";

    public Component Component => Component.Vm;

    public TimeSpan Interval => settings.Interval;

    public static CheckResult Judge(string guest, RunningGuest? running) => running is null
        ? new CheckResult(CheckStatus.Crit, 0, "expected running", $"failed start: guest {guest} is expected but not running")
        : CheckResult.Ok(1, "expected running", $"guest {guest} is running as pid {running.Pid}");

    /// <summary>Configured names first, then libvirt's defined and running domains, each once.</summary>
    public IReadOnlyList<string> ExpectedGuests()
    {
        if (!Directory.Exists(libvirtConfigDirectory) && !Directory.Exists(libvirtRuntimeDirectory))
        {
            return _configured; // no libvirt: the configured list alone, nothing allocated
        }
        var expected = new List<string>(_configured);
        var seen = new HashSet<string>(_configured, StringComparer.Ordinal);
        foreach (var domain in LibvirtDirectory.Read(libvirtConfigDirectory).Concat(LibvirtDirectory.Read(libvirtRuntimeDirectory)))
        {
            if (!seen.Contains(domain.Name) && (domain.Uuid is null || !seen.Contains(domain.Uuid)) && seen.Add(domain.Name))
            {
                expected.Add(domain.Name);
            }
        }
        return expected;
    }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        var expected = ExpectedGuests();
        for (var i = 0; i < expected.Count; i++)
        {
            var guest = expected[i];
            results.Add(new CheckOutcome(Name, guest, Component, Judge(guest, inventory.Find(guest))));
        }
        return ValueTask.CompletedTask;
    }
}
