using Terminal.Gui.Input;
using Warden.Tui.Tests.Fixtures;

namespace Warden.Tui.Tests.Views.Fleet;

public sealed class FleetScreenTests : IDisposable
{
    private readonly ConsoleHarness _console = new();

    [Fact]
    public void Dump()
    {
        _console.Snapshot(
            Hosts.Scored("web-01", 100, [100, 100, 100, 100, 100, 100]),
            Hosts.Scored("db-02", 85, [100, 60, 100, 90, 100, 100], seenSecondsAgo: 120, connected: false),
            Hosts.Scored("very-long-hostname-01.prod.example.com", null, [null, null, null, null, null, null]));
        Assert.Fail(_console.Screen());
    }

    public void Dispose() => _console.Dispose();
}
