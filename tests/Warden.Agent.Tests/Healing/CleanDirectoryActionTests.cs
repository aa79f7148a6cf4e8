using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Healing;

namespace Warden.Agent.Tests.Healing;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CleanDirectoryActionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ScratchDirectory _root = TestTrees.Scratch();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private readonly string _dir;
    private readonly string _outside;

    public CleanDirectoryActionTests()
    {
        _dir = _root.File("app");
        _outside = _root.File("outside");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        Directory.CreateDirectory(_outside);
        Write("app/a.log", 100, hoursOld: 3);
        Write("app/b.log", 200, hoursOld: 2);
        Write("app/c.log", 50, hoursOld: 0.01); // too young
        Write("app/d.txt", 300, hoursOld: 5); // does not match
        Write("app/sub/e.log", 400, hoursOld: 4);
        Write("outside/x.log", 1000, hoursOld: 9);
        Write("outside/target.log", 1000, hoursOld: 9);
        // Links into the outside: neither followed nor removed, whatever their age and name.
        File.CreateSymbolicLink(Path.Combine(_dir, "link.log"), Path.Combine(_outside, "target.log"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linked"), _outside);
    }

    [Fact]
    public async Task Removes_old_matching_files_below_the_directory_and_reports_files_and_bytes()
    {
        var result = await Clean(maxBytes: 1 << 20);

        Assert.Equal((false, $"removed 3 files, 700 bytes from {_dir} (*.log, older than 60 min)"), (result.TimedOut, result.Detail));
        Assert.Equal(["app/c.log", "app/d.txt", "outside/target.log", "outside/x.log"], Remaining());
        Assert.Equal(Path.Combine(_outside, "target.log"), new FileInfo(Path.Combine(_dir, "link.log")).LinkTarget);
    }

    [Fact]
    public async Task The_size_cap_stops_it_oldest_first()
    {
        var result = await Clean(maxBytes: 550);

        Assert.Equal($"removed 2 files, 500 bytes from {_dir} (*.log, older than 60 min); 1 older files kept by the 550-byte cap", result.Detail);
        Assert.Contains("app/b.log", Remaining()); // the youngest of the old ones stays
        Assert.DoesNotContain("app/sub/e.log", Remaining());
    }

    [Fact]
    public async Task A_directory_that_is_a_symbolic_link_is_not_followed()
    {
        var link = _root.File("via-link");
        Directory.CreateSymbolicLink(link, _outside);
        var action = HealActions.Create(_time, new HealActionOptions { Kind = HealActionOptions.CleanDirectory, Directory = link, Pattern = "*.log", OlderThanMinutes = 0 });

        var result = await action.RunAsync(Timeout, CancellationToken.None);

        Assert.Equal($"removed nothing: {link} is a symbolic link (to {_outside}); it is not followed", result.Detail);
        Assert.Equal(2, Directory.GetFiles(_outside).Length);
    }

    private Task<HealActionResult> Clean(long maxBytes) => HealActions.Create(_time, new HealActionOptions
    {
        Kind = HealActionOptions.CleanDirectory, Directory = _dir, Pattern = "*.log", OlderThanMinutes = 60, MaxBytes = maxBytes,
    }).RunAsync(Timeout, CancellationToken.None);

    private void Write(string relative, int bytes, double hoursOld)
    {
        var path = _root.File(relative);
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(hoursOld));
    }

    /// <summary>Every regular file left in the scratch tree, relative to it (links neither listed nor entered).</summary>
    private List<string> Remaining() =>
        Directory.EnumerateFiles(_root.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Select(p => Path.GetRelativePath(_root.Path, p)).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => _root.Dispose();
}
