using System.Text;
using Warden.Agent.Procfs;

namespace Warden.Agent.Tests.Procfs;

public class ProcPidStatCommTests
{
    [Theory]
    [InlineData("1234 (nginx) S 1 1234 1234 0 -1", "nginx", 'S')]
    [InlineData("77 (my) (odd) proc) R 1 2 3", "my) (odd) proc", 'R')]
    [InlineData("5 ( ) Z 1", " ", 'Z')]
    [InlineData("6 ()) S 1", ")", 'S')]
    [InlineData("8 (kworker/0:1-events) I 2 0 0", "kworker/0:1-events", 'I')]
    public void The_comm_runs_to_the_last_parenthesis(string stat, string comm, char state)
    {
        Assert.True(ProcPidStat.TryParseComm(Encoding.UTF8.GetBytes(stat), out var parsed, out var parsedState));
        Assert.Equal(comm, Encoding.UTF8.GetString(parsed));
        Assert.Equal((byte)state, parsedState);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234 nginx S 1")]
    [InlineData("1234 (nginx")]
    [InlineData("1234 (nginx)")]
    [InlineData("1234 (nginx) ")]
    [InlineData("1234 )nginx( S")]
    [InlineData("1234 (nginx)S 1")]
    public void Truncated_or_garbled_stat_is_refused(string stat)
    {
        Assert.False(ProcPidStat.TryParseComm(Encoding.UTF8.GetBytes(stat), out _, out _));
    }
}
