extern alias tui;

using System.Globalization;
using Grpc.Net.Client;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using tui::Warden.Proto.V1;
using tui::Warden.Tui.Client;
using tui::Warden.Tui.Model;
using tui::Warden.Tui.Views;
using tui::Warden.Tui.Views.Shell;

namespace Warden.Benchmarks.Tui;

/// <summary>
/// The whole console, headless on Terminal.Gui's ANSI driver at a given size ("200x60"), fed with
/// synthetic hosts and incidents; keys go in as a terminal sends them. Incident actions point at a
/// closed port: the benchmarks never call them.
/// </summary>
internal sealed class BenchConsole : IDisposable
{
    private readonly IApplication _app;
    private readonly ConsoleApp _console;
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress("http://127.0.0.1:9");

    public BenchConsole(string screen)
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        (int width, int height) = Size(screen);
        _app.Driver!.SetScreenSize(width, height);
        Hosts = new HostListState(TimeProvider.System);
        Incidents = new IncidentListState(TimeProvider.System);
        var actions = new GrpcIncidentActions(new Operator.OperatorClient(_channel), operatorName: null);
        _console = ConsoleApp.Create(_app, Hosts, new ShellOptions("http://127.0.0.1:7400", ReadOnly: false), colors: true, post: action => action(),
            incidents: post => new IncidentServices(Incidents, actions, post));
        _app.Begin(_console.Window);
    }

    public HostListState Hosts { get; }

    public IncidentListState Incidents { get; }

    public ConsoleShell Shell => _console.Shell;

    public static (int Width, int Height) Size(string screen)
    {
        string[] size = screen.Split('x');
        return (int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture));
    }

    public void AddHosts(int count, DateTimeOffset now)
    {
        for (int i = 0; i < count; i++)
        {
            Hosts.HostUpserted(SyntheticFleet.Host(i, now));
        }

        Hosts.SnapshotEnded(now);
    }

    public void AddIncidents(int count, DateTimeOffset now)
    {
        for (int i = 0; i < count; i++)
        {
            Incidents.IncidentUpserted(SyntheticFleet.Incident(i, now));
        }

        Incidents.SnapshotEnded(now);
    }

    /// <summary>Typed as a terminal would send it, through the app's key handling.</summary>
    public void Type(string text)
    {
        foreach (char c in text)
        {
            _app.InjectKey(new Key(c));
        }
    }

    public void Enter() => _app.InjectKey(Key.Enter);

    /// <summary>forced: everything is drawn again (a resize, Terminal.Gui's full redraw); else what needs it.</summary>
    public void Draw(bool forced) => _app.LayoutAndDraw(forced);

    public void Dispose()
    {
        _console.Dispose();
        _app.Dispose();
        _channel.Dispose();
    }
}
