using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>What the storage checks share: reading the mount table and saying why there is no data.</summary>
internal static class StorageOutcomes
{
    public static CheckOutcome Unknown(string check, string subject, string reason) =>
        new(check, subject, Component.Storage, CheckResult.Unknown(reason));

    /// <summary>Refreshes the table, or adds one UNKNOWN outcome saying why it could not be read.</summary>
    public static bool TryRefresh(MountTable mounts, string check, string procRoot, ICollection<CheckOutcome> results)
    {
        try
        {
            if (mounts.Refresh())
            {
                return true;
            }
            results.Add(Unknown(check, "", $"no mount table: neither {procRoot}/self/mountinfo nor {procRoot}/mounts exists"));
        }
        catch (IOException e)
        {
            results.Add(Unknown(check, "", $"cannot read the mount table under {procRoot}: {e.Message}"));
        }
        catch (UnauthorizedAccessException e)
        {
            results.Add(Unknown(check, "", $"cannot read the mount table under {procRoot}: {e.Message}"));
        }
        return false;
    }

    /// <summary>Refreshes /proc/diskstats, or adds one UNKNOWN outcome saying why it could not be read.</summary>
    public static bool TryRefresh(DiskStatsTable disks, string check, string procRoot, ICollection<CheckOutcome> results)
    {
        try
        {
            if (disks.Refresh())
            {
                return true;
            }
            results.Add(Unknown(check, "", $"{procRoot}/diskstats does not exist"));
        }
        catch (IOException e)
        {
            results.Add(Unknown(check, "", $"cannot read {procRoot}/diskstats: {e.Message}"));
        }
        catch (UnauthorizedAccessException e)
        {
            results.Add(Unknown(check, "", $"cannot read {procRoot}/diskstats: {e.Message}"));
        }
        return false;
    }

    /// <summary>A disk with no rates yet: its first read, or the read after its counters went backwards.</summary>
    public static CheckOutcome NoInterval(string check, Disk disk) =>
        Unknown(check, disk.Name, $"{disk.Name}: no interval yet (first read, or counters reset); rates from the next one");

    public static MountFilter Filter(StorageCheckOptions options) =>
        new(options.EffectiveIgnoredFsTypes, options.EffectiveIgnoredMountPoints);
}
