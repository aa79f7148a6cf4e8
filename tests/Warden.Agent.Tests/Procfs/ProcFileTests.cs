using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class ProcFileTests
{
    [Fact]
    public void A_missing_file_is_no_data_not_an_error()
    {
        using var file = new ProcFile("/proc/warden-no-such-file");
        Assert.False(file.TryRead(out _));
    }

    [Fact]
    public void Grows_past_its_first_buffer_and_reads_the_whole_file()
    {
        using var scratch = TestTrees.Scratch();
        var path = scratch.File("big");
        var content = Enumerable.Range(0, 5000).Select(i => (byte)('a' + i % 26)).ToArray();
        File.WriteAllBytes(path, content);
        using var file = new ProcFile(path, initialSize: 64);
        Assert.True(file.TryRead(out var read));
        Assert.Equal(content, read.ToArray());
    }

    [Fact]
    public void Each_read_sees_the_current_content_through_the_same_handle()
    {
        using var scratch = TestTrees.Scratch();
        var path = scratch.File("changing");
        File.WriteAllText(path, "first version, long");
        using var file = new ProcFile(path);
        Assert.True(file.TryRead(out var first));
        Assert.Equal("first version, long"u8.ToArray(), first.ToArray());
        using (var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Write("second"u8);
        }
        Assert.True(file.TryRead(out var second));
        Assert.Equal("second"u8.ToArray(), second.ToArray());
    }

    [Fact]
    public void Rereads_live_proc_files_without_reopening()
    {
        using var file = new ProcFile("/proc/loadavg");
        for (var i = 0; i < 3; i++)
        {
            Assert.True(file.TryRead(out var text));
            Assert.True(LoadAvgParser.TryParse(text, out _));
        }
    }
}
