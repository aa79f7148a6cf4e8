using Warden.Agent.Procfs;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class ProcMountsParserTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 9)]
    [InlineData(TestTrees.Cgroup1Host, 19)]
    public void Parses_both_fixture_hosts(string host, int lines)
    {
        ReadOnlySpan<byte> text = TestTrees.ProcBytes(host, "mounts");
        var parsed = 0;
        while (!text.IsEmpty)
        {
            Assert.True(ProcMountsParser.TryParseLine(SpanFields.NextLine(ref text), out var mount));
            parsed++;
            Assert.Equal(0UL, mount.DeviceId);
            if (mount.MountPoint.SequenceEqual("/"u8))
            {
                Assert.True(mount.FsType.SequenceEqual("ext4"u8));
                Assert.False(mount.ReadOnly);
            }
        }
        Assert.Equal(lines, parsed);
    }

    [Fact]
    public void Reads_ro_and_keeps_escapes()
    {
        Assert.True(ProcMountsParser.TryParseLine(@"/dev/sdc1 /media/a\040b\011c vfat ro,nosuid 0 0"u8, out var mount));
        Assert.True(mount.ReadOnly);
        Assert.True(mount.MountPoint.SequenceEqual(@"/media/a\040b\011c"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/dev/sda1 / ext4")]
    [InlineData("/dev/sda1 nowhere ext4 rw 0 0")]
    public void Rejects_broken_lines(string line)
    {
        Assert.False(ProcMountsParser.TryParseLine(System.Text.Encoding.Latin1.GetBytes(line), out _));
    }
}
