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
internal sealed class DiskLatencyCheck : PerDiskCheck
{
    public const string CheckName = "disk_latency";

    private readonly Threshold _threshold;
    private readonly double _minimumIops;

    public DiskLatencyCheck(StorageCheckOptions options, HostPaths paths, TimeProvider time)
        : base(CheckName, options.DiskLatency, options, paths, time)
    {
        _threshold = options.DiskLatency.Threshold;
        _minimumIops = options.LatencyMinimumIops;
    }

    protected override CheckResult JudgeDisk(string disk, DiskRates rates) => Judge(disk, rates, _threshold, _minimumIops);

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
                $"{disk} {rates.AwaitMs:0.#} ms per I/O over only {rates.Ios:0} I/Os, too few to judge");
        }
        return new CheckResult(threshold.Judge(rates.AwaitMs), rates.AwaitMs, describe,
            $"{disk} {rates.AwaitMs:0.#} ms per I/O at {rates.Iops:0.#} IOPS (read {StorageText.Bytes(rates.ReadBytesPerSecond)}/s, write {StorageText.Bytes(rates.WriteBytesPerSecond)}/s)");
    }
}
