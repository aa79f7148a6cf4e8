using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// disk_latency, per whole disk: iostat's await, the average milliseconds per completed read, write
/// or discard over the interval since the last evaluation, queueing included. Defaults: warn 50 ms,
/// crit 200 ms — an SSD answers in well under 10 ms and a busy spinning disk in 10–30 ms, so 50 ms
/// means a queue is building and 200 ms is what users feel as a stalled machine. No I/O in the
/// interval is OK with value 0; fewer than LatencyMinimumIops is OK too, since the one fsync an idle
/// disk does can take long without anyone waiting on it.
/// </summary>
internal sealed class DiskLatencyCheck : ICheck, IDisposable
{
    public const string CheckName = "disk_latency";

    private readonly DiskStatsTable _disks;
    private readonly string _procRoot;
    private readonly Threshold _threshold;
    private readonly double _minimumIops;

    public DiskLatencyCheck(StorageCheckOptions options, HostPaths paths, TimeProvider time)
    {
        _procRoot = paths.Proc;
        _disks = new DiskStatsTable(paths.Proc, time, options.EffectiveIgnoredDevices);
        _threshold = options.DiskLatency.Threshold;
        _minimumIops = options.LatencyMinimumIops;
        Interval = options.DiskLatency.Interval;
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
                    ? new CheckOutcome(Name, disk.Name, Component, Judge(disk.Name, rates, _threshold, _minimumIops))
                    : StorageOutcomes.NoInterval(Name, disk));
            }
        }
        return ValueTask.CompletedTask;
    }

    public static CheckResult Judge(string disk, DiskRates rates, Threshold threshold, double minimumIops)
    {
        var describe = threshold.Describe("ms");
        if (rates.Ios == 0)
        {
            return CheckResult.Ok(0, describe, $"{disk} had no I/O");
        }
        if (rates.Iops < minimumIops)
        {
            return CheckResult.Ok(rates.AwaitMs, describe,
                StorageText.Format($"{disk} {rates.AwaitMs:0.#} ms per I/O over only {rates.Ios:0} I/Os, too few to judge"));
        }
        return new CheckResult(threshold.Judge(rates.AwaitMs), rates.AwaitMs, describe, StorageText.Format(
            $"{disk} {rates.AwaitMs:0.#} ms per I/O at {rates.Iops:0.#} IOPS (read {StorageText.Bytes(rates.ReadBytesPerSecond)}/s, write {StorageText.Bytes(rates.WriteBytesPerSecond)}/s)"));
    }

    public void Dispose() => _disks.Dispose();
}
