using Terminal.Gui.App;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views;

/// <summary>
/// The console put together on an app: the shell window, the shell with its views, keys routed to
/// the shell before any view, and feed changes coalesced into one refresh per main-loop turn.
/// Tests build it on a headless app the same way the real session does.
/// </summary>
internal sealed class ConsoleApp : IDisposable
{
    private ConsoleApp(ShellWindow window, ConsoleShell shell)
    {
        Window = window;
        Shell = shell;
    }

    public ShellWindow Window { get; }

    public ConsoleShell Shell { get; }

    /// <param name="post">Defers a refresh on the UI thread; null means app.Invoke.</param>
    /// <param name="incidents">The incident feed and actions; null leaves :incidents unavailable.</param>
    /// <param name="calls">The operator calls; null leaves :report, :audit, :silences, `s` and `c` unavailable.</param>
    public static ConsoleApp Create(IApplication app, HostListState hosts, ShellOptions options, bool colors, Action<Action>? post = null,
        Func<Action<Action>, IncidentServices>? incidents = null, Client.ConsoleOperator? calls = null)
    {
        var window = new ShellWindow(colors);
        Action<Action> onUi = post ?? (action => app.Invoke(action));
        IncidentServices? services = incidents?.Invoke(onUi);
        ConsoleShell? shell = null;
        OperatorServices? operatorServices = calls is null ? null : new OperatorServices(calls, action => onUi(() =>
        {
            action();
            shell?.RequestRefresh();
        }), () => hosts.ServerNow);
        shell = new ConsoleShell(window, ConsoleScreens.Catalog(hosts, colors, services, operatorServices), hosts, options, app.RequestStop, onUi);
        hosts.Changed += shell.RequestRefresh;
        if (services is not null)
        {
            services.State.Changed += shell.RequestRefresh;
        }

        // Application-level KeyDown runs before any view, so the table's type-to-search never eats q, : or /.
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (shell.HandleKey(key))
            {
                key.Handled = true;
            }
        };
        shell.Jump(ConsoleScreens.Start);
        return new ConsoleApp(window, shell);
    }

    public void Dispose()
    {
        Shell.Dispose();
        Window.Dispose();
    }
}
