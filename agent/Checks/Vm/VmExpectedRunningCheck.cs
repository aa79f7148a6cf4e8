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
    public string Name => "vm_expected_running";

    public Component Component => Component.Vm;

    public TimeSpan Interval => settings.Interval;

    public static CheckResult Judge(string guest, RunningGuest? running) => running is null
        ? new CheckResult(CheckStatus.Crit, 0, "expected running", $"failed start: guest {guest} is expected but not running")
        : CheckResult.Ok(1, "expected running", $"guest {guest} is running as pid {running.Pid}");

    /// <summary>Configured names first, then libvirt's defined and running domains, each once.</summary>
    public IReadOnlyList<string> ExpectedGuests()
    {
        if (configured.Count == 0 && !Directory.Exists(libvirtConfigDirectory) && !Directory.Exists(libvirtRuntimeDirectory))
        {
            return []; // the usual host without VMs: nothing to list, nothing allocated
        }
        var expected = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in configured)
        {
            if (seen.Add(name))
            {
                expected.Add(name);
            }
        }
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
