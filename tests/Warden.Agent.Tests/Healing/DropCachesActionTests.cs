using System.Diagnostics;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DropCachesActionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Writes_the_level_to_drop_caches_below_the_proc_root()
    {
        using var h = new HealHarness((_, _) => { });
        var knob = h.Dir.File("proc/sys/vm/drop_caches");
        Directory.CreateDirectory(Path.GetDirectoryName(knob)!);
        File.WriteAllText(knob, "");

        var action = HealActions.Create(h.Time, new HealActionOptions { Kind = HealActionOptions.DropCaches, Level = 3 }, procRoot: h.Dir.File("proc"));
        var result = await action.RunAsync(Timeout, CancellationToken.None);

        Assert.Equal("3\n", File.ReadAllText(knob));
        Assert.Equal((false, $"synced and wrote 3 to {knob}"), (result.TimedOut, result.Detail));
        Assert.Equal("drop-caches 3", action.Description);
    }

    [Fact]
    public async Task A_proc_root_without_the_knob_is_reported_and_nothing_is_created()
    {
        using var h = new HealHarness((_, _) => { });
        var action = HealActions.Create(h.Time, new HealActionOptions { Kind = HealActionOptions.DropCaches }, procRoot: h.Dir.File("proc"));

        var result = await action.RunAsync(Timeout, CancellationToken.None);

        Assert.StartsWith($"synced; could not write 1 to {h.Dir.File("proc/sys/vm/drop_caches")}: ", result.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(h.Dir.File("proc/sys/vm/drop_caches")));
    }

    [Fact]
    public async Task On_the_real_proc_a_file_just_written_and_read_leaves_the_page_cache()
    {
        using var h = new HealHarness((_, _) => { });
        var file = h.Dir.File("cached.bin");
        await File.WriteAllBytesAsync(file, new byte[8 << 20]);
        await File.ReadAllBytesAsync(file);
        Assert.True(await ResidentBytesAsync(file) > 0, "the file should be in the page cache before the drop");

        var action = HealActions.Create(h.Time, new HealActionOptions { Kind = HealActionOptions.DropCaches, Level = 1 });
        var result = await action.RunAsync(Timeout, CancellationToken.None);

        Assert.Equal("synced and wrote 1 to /proc/sys/vm/drop_caches", result.Detail);
        Assert.Equal(0, await ResidentBytesAsync(file));
    }

    /// <summary>Bytes of the file in the page cache, as util-linux fincore(1) counts them with mincore(2).</summary>
    private static async Task<long> ResidentBytesAsync(string file)
    {
        var info = new ProcessStartInfo("fincore") { RedirectStandardOutput = true, ArgumentList = { "--bytes", "--noheadings", "--output", "RES", file } };
        using var fincore = Process.Start(info)!;
        var output = await fincore.StandardOutput.ReadToEndAsync();
        await fincore.WaitForExitAsync();
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
