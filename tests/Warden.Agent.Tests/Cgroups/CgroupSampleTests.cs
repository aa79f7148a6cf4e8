using Warden.Agent.Cgroups;
using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Cgroups;

/// <summary>
/// The every-cycle cgroup read (<see cref="CgroupStatsReader.Sample"/>): the same figures as the named read,
/// nothing allocated once a membership's directories are resolved, on the fixture trees and this machine, and
/// a cgroup that goes away and comes back is followed without keeping any descriptor open.
/// </summary>
public class CgroupSampleTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host)]
    [InlineData(TestTrees.Cgroup1Host)]
    public void A_warm_sample_of_a_unit_cgroup_allocates_nothing_and_equals_the_named_read(string host)
    {
        var reader = CgroupFixtures.Reader(host);
        var unit = CgroupMembership.Uniform("system.slice/app.service");

        AssertWarmSampleAllocatesNothing(reader, unit);
        var sample = reader.Sample(unit);
        Assert.Equal(reader.Read(unit).Sample, sample);
        Assert.True(sample.Exists);
        Assert.NotNull(sample.Memory);
    }

    [Fact]
    public void A_warm_sample_of_this_machines_own_cgroup_allocates_nothing_and_equals_the_named_read()
    {
        Assert.True(CgroupMembership.TryParse(File.ReadAllBytes("/proc/self/cgroup"), out var membership));
        var reader = new CgroupStatsReader(CgroupHierarchy.Open(HostPaths.Live));

        AssertWarmSampleAllocatesNothing(reader, membership);
        var sample = reader.Sample(membership);
        Assert.True(sample.Exists);
        Assert.NotNull(sample.Memory);
        Assert.NotNull(sample.Cpu);
        // Counters and gauges move between two reads; the parts present must be the same.
        var named = reader.Read(membership);
        Assert.Equal(named.Memory.HasValue, sample.Memory.HasValue);
        Assert.Equal(named.Throttling.HasValue, sample.Throttling.HasValue);
        Assert.Equal(named.CpuPressure.HasValue, sample.CpuPressure.HasValue);
    }

    [Theory]
    [InlineData(TestTrees.Cgroup2Host, "")]
    [InlineData(TestTrees.Cgroup1Host, "memory")]
    public void A_cgroup_removed_and_recreated_is_followed_and_no_descriptor_is_kept(string host, string controller)
    {
        using var scratch = TestTrees.CopyOfHost(host);
        var reader = new CgroupStatsReader(CgroupHierarchy.Open(HostPaths.Fixture(scratch.Path)));
        var unit = CgroupMembership.Uniform("system.slice/app.service");
        var dir = Path.Combine(scratch.Path, "cgroup", controller, "system.slice", "app.service");
        var saved = Path.Combine(scratch.Path, "saved");
        var before = reader.Sample(unit);
        var descriptors = OpenDescriptorsUnder(scratch.Path);

        Directory.Move(dir, saved); // the unit stopped: systemd removes its cgroup
        var gone = reader.Sample(unit);
        Directory.Move(saved, dir); // started again: a new directory under the same name
        var current = Path.Combine(dir, controller == "" ? "memory.current" : "memory.usage_in_bytes");
        File.Delete(current);
        File.WriteAllText(current, "4096\n");
        for (var i = 0; i < 50; i++)
        {
            reader.Sample(unit);
        }
        var back = reader.Sample(unit);

        Assert.True(before.Exists);
        Assert.Equal(default, gone);
        Assert.True(back.Exists);
        Assert.Equal(4096UL, back.Memory!.Value.CurrentBytes);
        Assert.Equal(0, descriptors);
        Assert.Equal(0, OpenDescriptorsUnder(scratch.Path));
    }

    [Fact]
    public void An_unparsable_file_is_named_by_the_read_and_does_not_stop_the_sample()
    {
        using var scratch = TestTrees.CopyOfHost(TestTrees.Cgroup2Host);
        var reader = new CgroupStatsReader(CgroupHierarchy.Open(HostPaths.Fixture(scratch.Path)));
        var dir = Path.Combine(scratch.Path, "cgroup", "system.slice", "app.service");
        File.Delete(Path.Combine(dir, "memory.current"));
        File.WriteAllText(Path.Combine(dir, "memory.current"), "lots\n");
        var unit = CgroupMembership.Uniform("system.slice/app.service");

        var sample = reader.Sample(unit);
        var named = reader.Read(unit);

        Assert.Null(sample.Memory);
        Assert.NotNull(sample.Cpu);
        Assert.Equal([Path.Combine(dir, "memory.current")], named.Unparsed);
        Assert.Empty(reader.Read("system.slice").Unparsed); // the list is per read, not carried over
    }

    private static void AssertWarmSampleAllocatesNothing(CgroupStatsReader reader, CgroupMembership membership)
    {
        reader.Sample(membership);
        reader.Sample(membership);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            reader.Sample(membership);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>This process's descriptors open on files below <paramref name="root"/> (other tests run beside this one).</summary>
    private static int OpenDescriptorsUnder(string root)
    {
        var count = 0;
        foreach (var fd in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(root, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // Closed while listed.
            }
        }
        return count;
    }
}
