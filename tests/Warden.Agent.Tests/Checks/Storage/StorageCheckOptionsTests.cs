using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

public class StorageCheckOptionsTests
{
    [Fact]
    public void The_defaults_have_no_problems()
    {
        Assert.Empty(new StorageCheckOptions().Problems());
    }

    [Fact]
    public void Each_bad_value_is_named_by_its_key()
    {
        var options = new StorageCheckOptions
        {
            FillWarnHours = 1,
            FillCritHours = 3,
            StatfsTimeoutSeconds = 0,
            IgnoredMountPoints = ["relative/path"],
            Directories = ["var/log"],
        };
        options.DiskSpace.Warn = 96;
        options.DirectorySize.Crit = 10;
        options.DiskLatency.IntervalSeconds = -1;
        var problems = options.Problems().ToArray();
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:DiskSpace:Crit: 95 must be at least Warn (96)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:DiskLatency:IntervalSeconds: -1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:FillWarnHours: 1 ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:StatfsTimeoutSeconds: 0 ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:IgnoredMountPoints:0: 'relative/path'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:Directories:0: 'var/log' must be an absolute path", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Checks:Storage:DirectorySize:Crit: 10 must be at least Warn (1073741824)", StringComparison.Ordinal));
        Assert.Equal(7, problems.Length);
    }

    [Fact]
    public void An_empty_list_means_the_built_in_one_and_a_configured_list_replaces_it()
    {
        var options = new StorageCheckOptions();
        Assert.Contains("tmpfs", options.EffectiveIgnoredFsTypes);
        options.IgnoredFsTypes = ["proc"];
        Assert.Equal(["proc"], options.EffectiveIgnoredFsTypes);
    }

    [Fact]
    public void The_check_set_makes_only_the_enabled_checks_in_a_fixed_order()
    {
        var paths = HostPaths.Fixture(Path.Combine(TestTrees.FixtureRoot, TestTrees.Cgroup2Host));
        var all = StorageCheckSet.Create(new StorageCheckOptions(), paths, new FakeTimeProvider());
        Assert.Equal(["disk_space", "disk_inodes", "fs_readonly", "disk_latency", "disk_utilisation"], all.Select(c => c.Name));
        Assert.All(all, c => Assert.Equal(Component.Storage, c.Component));

        var options = new StorageCheckOptions();
        options.DiskInodes.Enabled = false;
        options.DiskUtilisation.Enabled = false;
        var some = StorageCheckSet.Create(options, paths, new FakeTimeProvider());
        Assert.Equal(["disk_space", "fs_readonly", "disk_latency"], some.Select(c => c.Name));
        Assert.Equal(TimeSpan.FromSeconds(30), some[0].Interval);
        foreach (var check in all.Concat(some))
        {
            (check as IDisposable)?.Dispose();
        }
    }
}
