using Terminal.Gui.App;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views;

/// <summary>Runs the console until q: one app, one shell window, one background host watch.</summary>
internal static class TuiSession
{
    private static readonly TimeSpan AgeRefresh = TimeSpan.FromSeconds(1);

    // Synchronous on purpose: Terminal.Gui wants Init, Run and Dispose on one thread, and an
    // await here could resume the teardown on a pool thread (which hangs on exit).
    public static int Run(Uri address, bool readOnly, Func<string, string?> environment, string? operatorName = null)
    {
        using var channel = OperatorChannel.Create(address);
        var state = new HostListState(TimeProvider.System);
        var incidents = new IncidentListState(TimeProvider.System);
        var client = new Operator.OperatorClient(channel);
        string? name = Cli.OperatorCall.OperatorName(operatorName, environment);
        var actions = new GrpcIncidentActions(client, name);

        using IApplication app = Application.Create().Init();
        using ConsoleApp console = ConsoleApp.Create(app, state, new ShellOptions(address.OriginalString, readOnly), ColorPolicy.ColorsAllowed(environment),
            incidents: post => new IncidentServices(incidents, actions, post)
            {
                GetHost = host => client.GetHostAsync(new GetHostRequest { Host = host }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync,
                Glyphs = Formatting.SparkGlyphs.For(environment),
            },
            calls: new ConsoleOperator(client, name));

        // Ages and "retry in" move with the clock even when no update arrives.
        app.AddTimeout(AgeRefresh, () =>
        {
            console.Shell.Refresh();
            return true;
        });

        using var stop = new CancellationTokenSource();
        var observer = new UiThreadObserver(state, action => app.Invoke(action));
        var watch = new HostWatch(new GrpcHostUpdateSource(client), observer, TimeProvider.System, new ReconnectBackoff());
        Task watching = Task.Run(() => watch.RunAsync(stop.Token));
        var incidentObserver = new UiThreadIncidentObserver(incidents, action => app.Invoke(action));
        var incidentWatch = new IncidentWatch(IncidentWatch.Grpc(client), incidentObserver, TimeProvider.System, new ReconnectBackoff());
        Task watchingIncidents = Task.Run(() => incidentWatch.RunAsync(stop.Token));

        app.Run(console.Window);

        // Stop the watch before the app goes away, so it never posts to a disposed app.
        stop.Cancel();
        watching.GetAwaiter().GetResult();
        watchingIncidents.GetAwaiter().GetResult();
        return 0;
    }
}
