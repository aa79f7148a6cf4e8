extern alias tui;

using BenchmarkDotNet.Attributes;
using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using tui::Warden.Proto.V1;
using tui::Warden.Tui.Model;
using tui::Warden.Tui.Views;
using tui::Warden.Tui.Views.Shell;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// The fleet view over 5,000 hosts (target: a redraw under 50 ms), headless on Terminal.Gui's ANSI
/// driver. <see cref="DrawOnly"/> is the same-run baseline: the frame drawn again with no new data.
/// <see cref="UpdateAndRedraw"/> is what a live update costs: rows rebuilt from every host's latest
/// readings, sorted, and the screen drawn. Hosts are synthetic HostSummary records shaped like what
/// an agent reports (scores, CPU, memory, load), a fifth of them degraded or unhealthy.
/// In process: a view benchmark needs no separate runtime, and the generated boilerplate project
/// does not build within BenchmarkDotNet's two-minute limit on a busy 2-core machine.
/// </summary>
[InProcess]
[MemoryDiagnoser]
[MedianColumn]
public class FleetRedrawBenchmarks
{
    private IApplication _app = null!;
    private HostListState _state = null!;
    private ConsoleApp _console = null!;

    [Params(5_000)]
    public int Hosts { get; set; }

    [Params("80x24", "200x60")]
    public string Screen { get; set; } = "80x24";

    [GlobalSetup]
    public void Setup()
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        string[] size = Screen.Split('x');
        _app.Driver!.SetScreenSize(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture));
        _state = new HostListState(TimeProvider.System);
        _console = ConsoleApp.Create(_app, _state, new ShellOptions("http://127.0.0.1:7400", ReadOnly: false), colors: true, post: action => action());
        _app.Begin(_console.Window);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        for (int i = 0; i < Hosts; i++)
        {
            _state.HostUpserted(SyntheticHost(i, now));
        }

        _state.SnapshotEnded(now);
        _app.LayoutAndDraw(true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _console.Dispose();
        _app.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void DrawOnly() => _app.LayoutAndDraw(true);

    [Benchmark]
    public void UpdateAndRedraw()
    {
        _console.Shell.Refresh();
        _app.LayoutAndDraw(true);
    }

    [Benchmark]
    public void FilterAndRedraw()
    {
        _console.Shell.Current.Filter = _console.Shell.Current.Filter.Length == 0 ? "web-1" : string.Empty;
        _app.LayoutAndDraw(true);
    }

    private static HostSummary SyntheticHost(int i, DateTimeOffset now)
    {
        // Every fifth host has one sick component, so the sort has real work and the colours vary.
        double sick = i % 5 == 0 ? 40 + (i % 55) : 100;
        string[] components = ["system", "storage", "vm", "network", "service", "security"];
        var host = new HostSummary
        {
            Host = $"web-{i:D5}.site.example",
            AgentVersion = "0.1.0",
            Connected = i % 50 != 0,
            LastSeen = Timestamp.FromDateTimeOffset(now.AddSeconds(-(i % 30))),
            LastSequence = (ulong)i,
        };
        for (int c = 0; c < components.Length; c++)
        {
            host.Latest.Add(Reading("score." + components[c], c == i % 6 ? sick : 100));
        }

        host.Latest.Add(Reading("score.host", (500 + sick) / 6));
        host.Latest.Add(Reading("cpu.busy_pct", i % 100));
        host.Latest.Add(Reading("mem.used_pct", (i * 7) % 100));
        host.Latest.Add(Reading("load.1", (i % 40) / 10.0));
        host.Latest.Add(Reading("load.5", 1));
        host.Latest.Add(Reading("load.15", 1));
        return host;
    }

    private static Reading Reading(string name, double value) =>
        new() { Name = name, Last = value, Min = value, Max = value, Count = 10 };
}
