using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// fs_readonly, per mount. ext4 with errors=remount-ro, xfs after a shutdown and btrfs after an
/// abort flip a filesystem to read-only under running services, which then fail in odd ways.
/// CRIT: read-only now, read-write when the agent first saw this filesystem here.
/// WARN: read-only ever since the agent first saw it (the agent may have started after the
/// remount) and not listed in ExpectedReadOnlyMounts. OK: read-write, or read-only as expected.
/// The value is 1 while read-only, 0 otherwise.
/// </summary>
internal sealed class FsReadOnlyCheck : ICheck, IDisposable
{
    public const string CheckName = "fs_readonly";
    private const string Describe = "crit when remounted read-only";

    private readonly MountTable _mounts;
    private readonly string _procRoot;
    private readonly HashSet<string> _expected;

    public FsReadOnlyCheck(StorageCheckOptions options, HostPaths paths)
    {
        _procRoot = paths.Proc;
        _mounts = new MountTable(paths.Proc, StorageOutcomes.Filter(options));
        _expected = new HashSet<string>(options.ExpectedReadOnlyMounts, StringComparer.Ordinal);
        Interval = options.FsReadOnly.Interval;
    }

    public string Name => CheckName;

    public Component Component => Component.Storage;

    public TimeSpan Interval { get; }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (StorageOutcomes.TryRefresh(_mounts, Name, _procRoot, results))
        {
            // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
            for (var i = 0; i < _mounts.Current.Count; i++)
            {
                var mount = _mounts.Current[i];
                var result = Judge(mount.MountPoint, mount.ReadOnly, mount.FirstSeenReadOnly, _expected.Contains(mount.MountPoint));
                results.Add(new CheckOutcome(Name, mount.MountPoint, Component, result));
            }
        }
        return ValueTask.CompletedTask;
    }

    public static CheckResult Judge(string mountPoint, bool readOnly, bool firstSeenReadOnly, bool expectedReadOnly)
    {
        if (!readOnly)
        {
            return CheckResult.Ok(0, Describe, $"{mountPoint} is read-write");
        }
        if (expectedReadOnly)
        {
            return CheckResult.Ok(1, Describe, $"{mountPoint} is read-only, as expected");
        }
        return firstSeenReadOnly
            ? new CheckResult(CheckStatus.Warn, 1, Describe,
                $"{mountPoint} has been read-only since the agent first saw it; add it to {StorageCheckOptions.Section}:ExpectedReadOnlyMounts if that is intended")
            : new CheckResult(CheckStatus.Crit, 1, Describe, $"{mountPoint} was remounted read-only (read-write when first seen): filesystem errors?");
    }

    public void Dispose() => _mounts.Dispose();
}
