using System.Text;
using Warden.Agent.Services;

namespace Warden.Agent.Tests.Services;

[Collection(ChildProcesses.Name)]
public class ProcessTableTests
{
    [Fact]
    public void Finds_a_live_process_with_an_odd_name_by_name_and_by_cmdline_until_it_is_killed()
    {
        using var child = new ChildProcess("my) (odd) proc", "300");
        var table = new ProcessTable("/proc");

        var byName = table.Count(ProcessMatcher.ByName("my) (odd) proc"));
        Assert.Equal(1, byName.Matched);
        Assert.Equal(child.Pid, byName.FirstPid);
        Assert.Equal(1, table.Count(ProcessMatcher.ByCmdlineGlob(child.Path + " 3?0")).Matched);
        Assert.Equal(1, table.Count(ProcessMatcher.ByCmdlineRegex(@"odd\) proc 300$")).Matched);
        Assert.Equal(0, table.Count(ProcessMatcher.ByCmdlineGlob(child.Path + " 301")).Matched);

        child.Kill();

        Assert.Equal(0, table.Count(ProcessMatcher.ByName("my) (odd) proc")).Matched);
        Assert.Equal(0, table.Count(ProcessMatcher.ByCmdlineGlob(child.Path + " 300")).Matched);
    }

    [Fact]
    public void Skips_vanished_unreadable_zombie_and_garbled_entries()
    {
        using var proc = TestTrees.Scratch();
        Write(proc, "100", "100 (svc) S 1 100", "/usr/bin/svc\0--flag\0"u8);
        Write(proc, "101", "101 (svc) Z 1 101", ""u8);                    // zombie: exited, not reaped
        Write(proc, "102", "102 (svc", "/usr/bin/svc\0"u8);              // stat cut short
        Directory.CreateDirectory(proc.File("103"));                        // vanished: no files left
        Directory.CreateDirectory(Path.Combine(proc.File("104"), "stat"));  // unreadable: stat is a folder
        Write(proc, "105", "105 (svc) R 1 105", [.. "/usr/bin/svc\0--fl"u8, 0xFF, 0xFE]); // cmdline cut mid-argument, bad UTF-8
        Write(proc, "self", "1 (svc) S 0 1", ""u8);                        // not a pid
        Write(proc, "99999999999", "9 (svc) S 0 1", ""u8);                 // beyond int: not a pid
        File.WriteAllText(proc.File("200"), "a file, not a process");
        var table = new ProcessTable(proc.Path);

        var byName = table.Count(ProcessMatcher.ByName("svc"));
        Assert.Equal(2, byName.Matched);
        Assert.Equal(6, byName.Scanned);
        Assert.Equal(3, byName.Skipped);
        Assert.Equal(1, table.Count(ProcessMatcher.ByCmdlineGlob("/usr/bin/svc --flag")).Matched);
        Assert.Equal(1, table.Count(ProcessMatcher.ByCmdlineRegex("--fl\uFFFD")).Matched);
        Assert.Equal(2, table.Count(ProcessMatcher.ByCmdlineGlob("/usr/bin/svc --fl*")).Matched);
    }

    [Fact]
    public void Matches_a_huge_command_line_by_its_first_64_KiB()
    {
        using var proc = TestTrees.Scratch();
        var huge = Encoding.ASCII.GetBytes("java " + new string('x', 200_000) + "\0");
        Write(proc, "300", "300 (java) S 1 300", huge);
        var table = new ProcessTable(proc.Path);

        Assert.Equal(1, table.Count(ProcessMatcher.ByCmdlineGlob("java xxx*")).Matched);
        Assert.Equal(0, table.Count(ProcessMatcher.ByCmdlineRegex("x{70000}")).Matched);
    }

    [Fact]
    public void A_missing_proc_root_is_an_error_not_zero_processes()
    {
        var table = new ProcessTable("/nonexistent/warden-proc");
        Assert.ThrowsAny<IOException>(() => table.Count(ProcessMatcher.ByName("svc")));
    }

    private static void Write(ScratchDirectory proc, string pid, string stat, ReadOnlySpan<byte> cmdline)
    {
        var directory = Directory.CreateDirectory(proc.File(pid)).FullName;
        File.WriteAllText(Path.Combine(directory, "stat"), stat + "\n");
        File.WriteAllBytes(Path.Combine(directory, "cmdline"), cmdline.ToArray());
    }
}
