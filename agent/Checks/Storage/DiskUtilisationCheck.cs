using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// disk_utilisation, per whole disk: iostat's %util, the share of the interval with at least one
/// I/O in flight (io_ticks). On a disk that serves requests in parallel (NVMe, RAID, network block
/// devices) 100 % busy is not saturation; pair it with disk_latency before healing on it alone.
/// </summary>
internal sealed class DiskUtilisationCheck : ICheck, IDisposable
{
    public const string CheckName = "disk_utilisation";

    private readonly DiskStatsTable _disks;
    private readonly string _procRoot;
    private readonly Threshold _threshold;

    public DiskUtilisationCheck(StorageCheckOptions options, HostPaths paths, TimeProvider time)
    {
        _procRoot = paths.Proc;
        _disks = new DiskStatsTable(paths.Proc, time, options.EffectiveIgnoredDevices);
        _threshold = options.DiskUtilisation.Threshold;
        Interval = options.DiskUtilisation.Interval;
    }

    public string Name => CheckName;

    public Component Component => Component.Storage;

    public TimeSpan Interval { get; }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (StorageOutcomes.TryRefresh(_disks, Name, _procRoot, results))
        {
            foreach (var disk in _disks.Current)
            {
                results.Add(disk.Rates is { } rates
                    ? new CheckOutcome(Name, disk.Name, Component, Judge(disk.Name, rates, _threshold))
                    : StorageOutcomes.NoInterval(Name, disk));
            }
        }
        return ValueTask.CompletedTask;
    }

    public static CheckResult Judge(string disk, DiskRates rates, Threshold threshold) =>
        new(threshold.Judge(rates.UtilisationPct), rates.UtilisationPct, threshold.Describe("%"), StorageText.Format(
            $"{disk} {rates.UtilisationPct:0.#} % busy at {rates.Iops:0.#} IOPS, {rates.AwaitMs:0.#} ms per I/O, {rates.InFlight} in flight"));

    public void Dispose() => _disks.Dispose();
}
