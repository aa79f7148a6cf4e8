using Warden.Agent.Procfs;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class MountInfoParserTests
{
    [Theory]
    [InlineData(TestTrees.Cgroup2Host, 9)]
    [InlineData(TestTrees.Cgroup1Host, 19)]
    public void Parses_every_line_of_both_fixture_hosts_and_finds_the_ext4_root(string host, int lines)
    {
        ReadOnlySpan<byte> text = TestTrees.ProcBytes(host, "self/mountinfo");
        var parsed = 0;
        var sawRoot = false;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            Assert.True(MountInfoParser.TryParseLine(line, out var mount), System.Text.Encoding.UTF8.GetString(line));
            parsed++;
            if (mount.MountPoint.SequenceEqual("/"u8))
            {
                sawRoot = true;
                Assert.True(mount.FsType.SequenceEqual("ext4"u8));
                Assert.True(mount.Source.SequenceEqual("/dev/vda"u8));
                Assert.False(mount.ReadOnly);
                Assert.Equal((254UL << 32) | 0, mount.DeviceId);
            }
        }
        Assert.Equal(lines, parsed);
        Assert.True(sawRoot);
    }

    [Fact]
    public void Reads_optional_fields_and_the_superblock_read_only_flag()
    {
        var line = "36 35 98:3 / /mnt/data rw,noatime shared:1 master:2 - ext4 /dev/sdb1 ro,errors=remount-ro"u8;
        Assert.True(MountInfoParser.TryParseLine(line, out var mount));
        Assert.True(mount.ReadOnly); // the superblock went read-only after an error; the mount flag still says rw
        Assert.True(mount.Source.SequenceEqual("/dev/sdb1"u8));
        Assert.Equal((98UL << 32) | 3, mount.DeviceId);
    }

    [Fact]
    public void A_read_only_bind_mount_is_read_only()
    {
        Assert.True(MountInfoParser.TryParseLine("40 27 254:0 /srv /ro ro,relatime - ext4 /dev/vda rw"u8, out var mount));
        Assert.True(mount.ReadOnly);
    }

    [Fact]
    public void Keeps_escapes_for_the_caller_to_decode()
    {
        Assert.True(MountInfoParser.TryParseLine(@"50 27 8:17 / /mnt/my\040disk rw - vfat /dev/sdb1 rw"u8, out var mount));
        Assert.True(mount.MountPoint.SequenceEqual(@"/mnt/my\040disk"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("22 27 0:21 / /proc rw,relatime")]                         // truncated before the separator
    [InlineData("22 27 0:21 / /proc rw,relatime - proc")]                 // truncated after the fs type
    [InlineData("22 27 0:21 / /proc rw,relatime shared:1 proc proc rw")]  // no separator at all
    [InlineData("22 27 zz / /proc rw - proc proc rw")]                    // device is not major:minor
    [InlineData("22 27 99999999999:1 / /x rw - ext4 /dev/x rw")]          // major beyond 32 bits
    [InlineData("22 27 8:1 / relative rw - ext4 /dev/x rw")]              // mount point not absolute
    [InlineData("\xff\xfe garbage")]
    public void Rejects_broken_lines(string line)
    {
        Assert.False(MountInfoParser.TryParseLine(System.Text.Encoding.Latin1.GetBytes(line), out _));
    }
}
