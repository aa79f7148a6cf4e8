using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// disk_space, per mount: df's Use% against warn/crit, and the fill rate. The rate is the
/// least-squares slope of used bytes over the last FillWindowMinutes; when it is positive, the time
/// to full is available bytes / rate, and a time to full within FillWarnHours or FillCritHours
/// raises the status to WARN or CRIT even while Use% is below its levels. The worse of the two wins,
/// and the reason leads with the projection: "full in 3 h" is more urgent news than "92 %".
/// </summary>
internal sealed class DiskSpaceCheck : ICheck, IDisposable
{
    public const string CheckName = "disk_space";

    private readonly MountTable _mounts;
    private readonly GuardedFileSystemProbe _probe;
    private readonly TimeProvider _time;
    private readonly string _procRoot;
    private readonly Threshold _threshold;
    private readonly FillHorizon _horizon;
    private readonly TimeSpan _window;
    private readonly TimeSpan _minimumSpan;
    private readonly int _historyCapacity;
    private readonly Dictionary<Mount, FillHistory> _histories = [];
    private readonly List<Mount> _gone = [];
    private long _evaluation;

    public DiskSpaceCheck(StorageCheckOptions options, HostPaths paths, TimeProvider time, IFileSystemProbe probe)
    {
        _procRoot = paths.Proc;
        _mounts = new MountTable(paths.Proc, StorageOutcomes.Filter(options));
        _probe = new GuardedFileSystemProbe(probe, TimeSpan.FromSeconds(options.StatfsTimeoutSeconds), time);
        _time = time;
        _threshold = options.DiskSpace.Threshold;
        Interval = options.DiskSpace.Interval;
        _horizon = new FillHorizon(TimeSpan.FromHours(options.FillWarnHours), TimeSpan.FromHours(options.FillCritHours));
        _window = TimeSpan.FromMinutes(options.FillWindowMinutes);
        _minimumSpan = TimeSpan.FromMinutes(options.FillMinimumSpanMinutes);
        // Enough slots for one window at this interval, bounded for very short intervals.
        _historyCapacity = (int)Math.Clamp(_window / Interval + 2, 3, 1024);
    }

    public string Name => CheckName;

    public Component Component => Component.Storage;

    public TimeSpan Interval { get; }

    public async ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (!StorageOutcomes.TryRefresh(_mounts, Name, _procRoot, results))
        {
            return;
        }
        _evaluation++;
        // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
        for (var i = 0; i < _mounts.Current.Count; i++)
        {
            var mount = _mounts.Current[i];
            var answer = await _probe.QueryAsync(mount, cancellationToken).ConfigureAwait(false);
            if (!answer.Ok)
            {
                if (_histories.TryGetValue(mount, out var kept))
                {
                    kept.LastSeen = _evaluation; // a blip of no data keeps the history
                }
                results.Add(StorageOutcomes.Unknown(Name, mount.MountPoint, $"{mount.MountPoint}: statvfs failed: {answer.Error}"));
                continue;
            }
            if (!_histories.TryGetValue(mount, out var history))
            {
                history = new FillHistory(_historyCapacity);
                _histories.Add(mount, history);
            }
            history.Add(_time.GetTimestamp() / (double)_time.TimestampFrequency, answer.Stats.UsedBytes);
            history.LastSeen = _evaluation;
            var growth = history.GrowthBytesPerSecond(_window, _minimumSpan);
            results.Add(new CheckOutcome(Name, mount.MountPoint, Component, Judge(mount.MountPoint, answer.Stats, growth, _threshold, _horizon)));
        }
        Forget();
    }

    /// <param name="growthBytesPerSecond">The fill rate; NaN when there is too little history.</param>
    public static CheckResult Judge(string mountPoint, FileSystemStats stats, double growthBytesPerSecond, Threshold threshold, FillHorizon horizon)
    {
        var describe = TextMemo<(Threshold, FillHorizon)>.Get((threshold, horizon), static key => $"{key.Item1.Describe("%")}, or {key.Item2.Describe()}");
        var pct = stats.UsedPct;
        if (double.IsNaN(pct))
        {
            return CheckResult.Ok(0, describe, $"{mountPoint} reports no blocks");
        }
        var status = threshold.Judge(pct);
        ReasonText reason = $"{mountPoint} {pct:0.0} % used, {StorageText.Bytes(stats.AvailableBytes)} available";
        if (growthBytesPerSecond > 0 && stats.AvailableBytes > 0)
        {
            var timeToFull = TimeSpan.FromSeconds(Math.Min(stats.AvailableBytes / growthBytesPerSecond, TimeSpan.MaxValue.TotalSeconds / 2));
            var projected = horizon.Judge(timeToFull);
            if (projected != CheckStatus.Ok)
            {
                status = projected > status ? projected : status;
                reason = $"{mountPoint} {pct:0.0} % used, full in {StorageText.Duration(timeToFull)} at {StorageText.Bytes(growthBytesPerSecond * 3600)}/h";
            }
        }
        return new CheckResult(status, pct, describe, reason);
    }

    private void Forget()
    {
        _gone.Clear();
        foreach (var (mount, history) in _histories)
        {
            if (history.LastSeen != _evaluation)
            {
                _gone.Add(mount);
            }
        }
        foreach (var mount in _gone)
        {
            _histories.Remove(mount);
        }
    }

    public void Dispose() => _mounts.Dispose();
}
