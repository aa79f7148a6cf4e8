using Warden.Agent.Checks;
using Warden.Agent.Checks.Storage;

namespace Warden.Agent.Tests.Checks.Storage;

public class FsReadOnlyCheckTests
{
    private const string Root = "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,errors=remount-ro\n";

    [Fact]
    public void A_remount_to_read_only_after_errors_is_crit_and_recovers_when_rw_again()
    {
        using var proc = new ScratchProc();
        proc.Mounts(Root + "60 27 8:1 / /var rw,relatime - ext4 /dev/sda1 rw,errors=remount-ro\n");
        using var check = new FsReadOnlyCheck(new StorageCheckOptions(), proc.Paths);
        Assert.Equal(["/:Ok", "/var:Ok"], Evaluate(check));

        // ext4 hit an error: the superblock goes ro, the per-mount flags still say rw.
        proc.Mounts(Root + "60 27 8:1 / /var rw,relatime - ext4 /dev/sda1 ro,errors=remount-ro\n");
        Assert.Equal(["/:Ok", "/var:Crit"], Evaluate(check));

        proc.Mounts(Root + "60 27 8:1 / /var rw,relatime - ext4 /dev/sda1 rw,errors=remount-ro\n");
        Assert.Equal(["/:Ok", "/var:Ok"], Evaluate(check));
    }

    [Fact]
    public void Read_only_since_first_seen_is_warn_unless_expected()
    {
        using var proc = new ScratchProc();
        proc.Mounts(Root + "61 27 8:2 / /boot/efi ro - vfat /dev/sda2 ro\n62 27 8:3 / /srv ro - xfs /dev/sda3 ro\n");
        using var check = new FsReadOnlyCheck(new StorageCheckOptions { ExpectedReadOnlyMounts = ["/boot/efi"] }, proc.Paths);
        Assert.Equal(["/:Ok", "/boot/efi:Ok", "/srv:Warn"], Evaluate(check));
    }

    [Theory]
    [InlineData(false, false, false, "Ok")]
    [InlineData(true, false, false, "Crit")]
    [InlineData(true, true, false, "Warn")]
    [InlineData(true, false, true, "Ok")]
    [InlineData(true, true, true, "Ok")]
    public void Judge_table(bool readOnly, bool firstSeenReadOnly, bool expected, string status)
    {
        var result = FsReadOnlyCheck.Judge("/x", readOnly, firstSeenReadOnly, expected);
        Assert.Equal((status, readOnly ? 1.0 : 0.0), (result.Status.ToString(), result.Value));
    }

    private static string[] Evaluate(FsReadOnlyCheck check)
    {
        var outcomes = new List<CheckOutcome>();
        check.EvaluateAsync(outcomes, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return outcomes.Select(o => $"{o.Subject}:{o.Result.Status}").ToArray();
    }
}
