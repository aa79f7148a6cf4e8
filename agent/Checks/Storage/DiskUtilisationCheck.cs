using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// disk_utilisation, per whole disk: iostat's %util, the share of the interval with at least one
/// I/O in flight (io_ticks). On a disk that serves requests in parallel (NVMe, RAID, network block
/// devices) 100 % busy is not saturation; pair it with disk_latency before healing on it alone.
/// </summary>
internal sealed class DiskUtilisationCheck : PerDiskCheck
{
    public const string CheckName = "disk_utilisation";

    private readonly Threshold _threshold;

    public DiskUtilisationCheck(StorageCheckOptions options, HostPaths paths, TimeProvider time)
        : base(CheckName, options.DiskUtilisation, options, paths, time)
    {
        _threshold = options.DiskUtilisation.Threshold;
    }

    protected override CheckResult JudgeDisk(string disk, DiskRates rates) => Judge(disk, rates, _threshold);

    public static CheckResult Judge(string disk, DiskRates rates, Threshold threshold) =>
        new(threshold.Judge(rates.UtilisationPct), rates.UtilisationPct, threshold.Describe("%"),
            $"{disk} {rates.UtilisationPct:0.#} % busy at {rates.Iops:0.#} IOPS, {rates.AwaitMs:0.#} ms per I/O, {rates.InFlight} in flight");
}
