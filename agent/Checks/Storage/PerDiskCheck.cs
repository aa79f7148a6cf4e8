using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// A check judged per whole disk from /proc/diskstats rates. Each check keeps its own table, so its
/// rates span exactly its own interval; subclasses only judge one disk's rates.
/// </summary>
internal abstract class PerDiskCheck : ICheck, IDisposable
{
    private readonly DiskStatsTable _disks;
    private readonly string _procRoot;

    protected PerDiskCheck(string name, CheckSettings settings, StorageCheckOptions options, HostPaths paths, TimeProvider time)
    {
        Name = name;
        Interval = settings.Interval;
        _procRoot = paths.Proc;
        _disks = new DiskStatsTable(paths.Proc, time, options.EffectiveIgnoredDevices);
    }

    public string Name { get; }

    public Component Component => Component.Storage;

    public TimeSpan Interval { get; }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (StorageOutcomes.TryRefresh(_disks, Name, _procRoot, results))
        {
            // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
            for (var i = 0; i < _disks.Current.Count; i++)
            {
                var disk = _disks.Current[i];
                results.Add(disk.Rates is { } rates
                    ? new CheckOutcome(Name, disk.Name, Component, JudgeDisk(disk.Name, rates))
                    : StorageOutcomes.NoInterval(Name, disk));
            }
        }
        return ValueTask.CompletedTask;
    }

    protected abstract CheckResult JudgeDisk(string disk, DiskRates rates);

    public void Dispose() => _disks.Dispose();
}
