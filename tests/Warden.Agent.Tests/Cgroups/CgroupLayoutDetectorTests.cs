using Warden.Agent.Cgroups;

namespace Warden.Agent.Tests.Cgroups;

public class CgroupLayoutDetectorTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, "V2")]
    [InlineData(TestTrees.Cgroup1Host, "Hybrid")]
    public void Fixture_roots_are_told_apart_by_their_contents(string host, string expected) =>
        Assert.Equal(expected, CheckLayoutName( CgroupLayoutDetector.FromDirectory(CgroupFixtures.Root(host))));

    [Theory]
    [InlineData(TestTrees.Cgroup2Host, "V2")]
    [InlineData(TestTrees.Cgroup1Host, "Hybrid")]
    public void Fixture_mountinfo_says_the_same(string host, string expected) =>
        Assert.Equal(expected, CheckLayoutName( CgroupLayoutDetector.FromMountInfo(TestTrees.ProcBytes(host, "self/mountinfo"), "/sys/fs/cgroup"u8)));

    private static string CheckLayoutName(CgroupLayout layout) => layout.ToString();

    [Fact]
    public void This_machine_is_hybrid()
    {
        Assert.Equal(CgroupLayout.Hybrid, CgroupLayoutDetector.FromDirectory("/sys/fs/cgroup"));
        Assert.Equal(CgroupLayout.Hybrid, CgroupLayoutDetector.FromMountInfo(File.ReadAllBytes("/proc/self/mountinfo"), "/sys/fs/cgroup"u8));
    }

    [Fact]
    public void Plain_v1_without_unified_is_v1()
    {
        var text = "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"u8;
        Assert.Equal(CgroupLayout.V1, CgroupLayoutDetector.FromMountInfo(text, "/sys/fs/cgroup"u8));
    }

    [Fact]
    public void No_cgroup_mounts_or_garbage_is_none()
    {
        Assert.Equal(CgroupLayout.None, CgroupLayoutDetector.FromMountInfo("garbage\n1 2 3\n - \n"u8, "/sys/fs/cgroup"u8));
        using var empty = TestTrees.Scratch();
        Assert.Equal(CgroupLayout.None, CgroupLayoutDetector.FromDirectory(empty.Path));
        Assert.Equal(CgroupLayout.None, CgroupLayoutDetector.FromDirectory(empty.File("missing")));
    }

    [Fact]
    public void An_empty_root_falls_back_to_mountinfo()
    {
        using var scratch = TestTrees.Scratch();
        File.WriteAllText(scratch.File("mountinfo"), "41 31 0:38 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Assert.Equal(CgroupLayout.V2, CgroupLayoutDetector.Detect(scratch.Path, scratch.File("mountinfo")));
    }
}
