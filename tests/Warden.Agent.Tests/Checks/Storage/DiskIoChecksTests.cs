using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

/// <summary>disk_latency and disk_utilisation, from two diskstats snapshots on a fake clock.</summary>
public class DiskIoChecksTests
{
    private static DiskRates Rates(double awaitMs, double iops = 100, double util = 50, double ios = 500) =>
        new(iops, 0, 0, awaitMs, util, 0, ios);

    [Theory]
    [InlineData(49.9, "Ok")]
    [InlineData(50, "Warn")]
    [InlineData(199, "Warn")]
    [InlineData(200, "Crit")]
    public void Latency_against_both_levels(double awaitMs, string expected)
    {
        var result = DiskLatencyCheck.Judge("sda", Rates(awaitMs), new Threshold(50, 200), minimumIops: 1);
        Assert.Equal((expected, awaitMs), (result.Status.ToString(), result.Value));
    }

    [Fact]
    public void No_io_is_ok_with_zero_and_too_little_io_is_not_judged()
    {
        Assert.Equal((CheckStatus.Ok, 0.0), Pair(DiskLatencyCheck.Judge("sda", Rates(0, iops: 0, ios: 0), new Threshold(50, 200), 1)));
        var sparse = DiskLatencyCheck.Judge("sda", Rates(900, iops: 0.2, ios: 1), new Threshold(50, 200), 1);
        Assert.Equal((CheckStatus.Ok, 900.0), Pair(sparse));
        Assert.Contains("too few to judge", sparse.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(79.9, "Ok")]
    [InlineData(80, "Warn")]
    [InlineData(95, "Crit")]
    public void Utilisation_against_both_levels(double util, string expected)
    {
        Assert.Equal((expected, util), Named(DiskUtilisationCheck.Judge("sda", Rates(1, util: util), new Threshold(80, 95))));
    }

    [Fact]
    public void Both_checks_judge_the_interval_between_two_snapshots()
    {
        using var proc = new ScratchProc();
        var time = new FakeTimeProvider();
        var options = new StorageCheckOptions();
        using var latency = new DiskLatencyCheck(options, proc.Paths, time);
        using var utilisation = new DiskUtilisationCheck(options, proc.Paths, time);
        proc.DiskStats("   8 0 sda 100 0 800 100 100 0 800 100 0 1000 200 0 0 0 0\n   8 1 sda1 1 0 8 1 1 0 8 1 0 1 2\n   7 0 loop0 5 0 5 5 5 0 5 5 0 5 5\n");
        Assert.Equal(["sda:Unknown"], Evaluate(latency));
        Assert.Equal(["sda:Unknown"], Evaluate(utilisation));

        time.Advance(TimeSpan.FromSeconds(5));
        // +400 reads taking 60000 ms, +100 writes taking 15000 ms: 150 ms each; busy 4600 of 5000 ms.
        proc.DiskStats("   8 0 sda 500 0 4000 60100 200 0 1600 15100 3 5600 80000 0 0 0 0\n   8 1 sda1 1 0 8 1 1 0 8 1 0 1 2\n");
        Assert.Equal(["sda:Warn:150"], Evaluate(latency));
        Assert.Equal(["sda:Warn:92"], Evaluate(utilisation));

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["sda:Ok:0"], Evaluate(latency)); // nothing moved: no I/O is OK with 0
    }

    [Fact]
    public void A_missing_diskstats_is_one_unknown()
    {
        using var proc = new ScratchProc();
        using var check = new DiskLatencyCheck(new StorageCheckOptions(), proc.Paths, new FakeTimeProvider());
        Assert.Equal([":Unknown"], Evaluate(check));
    }

    private static (CheckStatus, double) Pair(CheckResult result) => (result.Status, result.Value);

    private static (string, double) Named(CheckResult result) => (result.Status.ToString(), result.Value);

    private static string[] Evaluate(ICheck check)
    {
        var outcomes = new List<CheckOutcome>();
        check.EvaluateAsync(outcomes, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return outcomes.Select(o => o.Result.Status == CheckStatus.Unknown
            ? $"{o.Subject}:Unknown"
            : FormattableString.Invariant($"{o.Subject}:{o.Result.Status}:{o.Result.Value:0.##}")).ToArray();
    }
}
