using Warden.Agent.Checks;
using Warden.Agent.Checks.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

public sealed class DirectorySizeCheckTests
{
    [Fact]
    public void Judges_bytes_against_warn_and_crit()
    {
        var threshold = new Threshold(1000, 5000);
        Assert.Equal(CheckStatus.Ok, DirectorySizeCheck.Judge("/d", 999, 3, threshold).Status);
        Assert.Equal(CheckStatus.Warn, DirectorySizeCheck.Judge("/d", 1000, 3, threshold).Status);
        var crit = DirectorySizeCheck.Judge("/d", 6000, 4, threshold);
        Assert.Equal((CheckStatus.Crit, 6000.0, "/d holds 6000 bytes in 4 files", "warn ≥ 1000 bytes, crit ≥ 5000 bytes"),
            (crit.Status, crit.Value, crit.Reason, crit.Threshold));
    }

    [Fact]
    public async Task Counts_the_files_below_each_directory_without_following_links_and_a_missing_one_is_UNKNOWN()
    {
        using var root = TestTrees.Scratch();
        Directory.CreateDirectory(root.File("d/sub"));
        Directory.CreateDirectory(root.File("elsewhere"));
        File.WriteAllBytes(root.File("d/a"), new byte[700]);
        File.WriteAllBytes(root.File("d/sub/b"), new byte[400]);
        File.WriteAllBytes(root.File("elsewhere/big"), new byte[100_000]);
        File.CreateSymbolicLink(root.File("d/link"), root.File("elsewhere/big"));
        Directory.CreateSymbolicLink(root.File("d/linked"), root.File("elsewhere"));
        var options = new StorageCheckOptions
        {
            DirectorySize = new CheckSettings { Warn = 1000, Crit = 2000 },
            Directories = [root.File("d"), root.File("gone")],
        };

        var results = new List<CheckOutcome>();
        await new DirectorySizeCheck(options).EvaluateAsync(results, CancellationToken.None);

        Assert.Equal([$"directory_size:{root.File("d")}", $"directory_size:{root.File("gone")}"], results.Select(r => r.Key));
        Assert.Equal((CheckStatus.Warn, 1100.0, $"{root.File("d")} holds 1100 bytes in 2 files"), (results[0].Result.Status, results[0].Result.Value, results[0].Result.Reason));
        Assert.Equal((CheckStatus.Unknown, $"{root.File("gone")} does not exist or is not a directory"), (results[1].Result.Status, results[1].Result.Reason));
        Assert.Equal(Component.Storage, results[0].Component);
    }

    [Fact]
    public void It_is_made_only_when_directories_are_configured()
    {
        var paths = new HostPaths("/proc", "/sys", "/sys/fs/cgroup", "/run");
        Assert.DoesNotContain(StorageCheckSet.Create(new StorageCheckOptions(), paths, TimeProvider.System), c => c.Name == DirectorySizeCheck.CheckName);
        Assert.Contains(StorageCheckSet.Create(new StorageCheckOptions { Directories = ["/var/log"] }, paths, TimeProvider.System), c => c.Name == DirectorySizeCheck.CheckName);
    }
}
