using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Warden.Proto.V1;
using Warden.Tui.Tests.Fixtures;
using Warden.Tui.Views.Silence;

namespace Warden.Tui.Tests.Views.Silence;

/// <summary>:silences and x (expire) against a gRPC server on loopback.</summary>
public sealed class SilencesScreenTests : IAsyncLifetime
{
    private FakeAggregator _aggregator = null!;

    public async Task InitializeAsync()
    {
        _aggregator = await FakeAggregator.StartAsync();
        _aggregator.Service.AddSilence(new SilenceInfo
        {
            Id = 1, Host = "web-01", Check = "disk_space:/var", CreatedBy = "bob", Comment = "disk swap", Active = true,
            StartsAt = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddHours(-1)), EndsAt = Timestamp.FromDateTimeOffset(Hosts.ServerTime.AddHours(2)),
        });
    }

    public async Task DisposeAsync() => await _aggregator.DisposeAsync();

    [Fact]
    public void Silences_lists_the_active_ones_and_x_expires_the_selected_one_after_a_comment_and_a_yes()
    {
        using var console = new ConsoleHarness(aggregator: _aggregator.Address);
        Open(console);

        console.WaitForText("1 shown");
        Assert.Matches(@"host=web-01 check=disk_space:/var\s*│\s*1│active │03-01 14:00│bob", console.RowOf("host=web-01"));

        console.Type("x");
        Assert.Contains("expire silence 1 (host=web-01 check=disk_space:/var), why:", console.StatusLine());
        console.Type("swap finished");
        console.Press(Key.Enter);
        Assert.Contains("expire silence 1 (host=web-01 check=disk_space:/var) now? [y/N]", console.StatusLine());
        console.Type("y");

        console.WaitFor(() => console.StatusLine().Contains("silence 1 expired", StringComparison.Ordinal), "the expiry");
        Assert.False(Assert.Single(_aggregator.Service.Silences).Active);
        Assert.Contains(_aggregator.Service.Audit, e => e.Action == "expire-silence" && e.Actor == ConsoleHarness.Operator && e.Reason == "swap finished");
        console.WaitForText("0 shown");

        console.Type("t");
        console.WaitFor(() => console.Screen().Contains("expired", StringComparison.Ordinal) && console.Screen().Contains("1 shown with expired", StringComparison.Ordinal), "the expired silence listed");
    }

    [Fact]
    public void Read_only_refuses_x()
    {
        using var console = new ConsoleHarness(readOnly: true, aggregator: _aggregator.Address);
        Open(console);
        console.WaitForText("1 shown");

        console.Type("x");

        Assert.Contains("read-only: not allowed (expire silence 1", console.StatusLine());
        Assert.True(Assert.Single(_aggregator.Service.Silences).Active);
    }

    [Fact]
    public void Expire_on_an_unreachable_aggregator_is_a_message()
    {
        using var offline = new ConsoleHarness(aggregator: new Uri("http://127.0.0.1:9"));
        Open(offline);

        offline.WaitForText("silences: aggregator unreachable");
        offline.Type("x");
        Assert.Contains("no silence selected", offline.StatusLine());
        Assert.IsType<SilencesScreen>(offline.Shell.Current);
    }

    [Fact]
    public void Help_lists_x_t_and_R()
    {
        using var console = new ConsoleHarness(aggregator: _aggregator.Address);
        Open(console);
        console.Type("?");

        string help = console.Screen();
        Assert.Contains("expire the selected silence now", help);
        Assert.Contains("show expired silences too", help);
        Assert.Contains("read the silences again", help);
    }

    private static void Open(ConsoleHarness console)
    {
        console.Type(":silences");
        console.Press(Key.Enter);
    }
}
