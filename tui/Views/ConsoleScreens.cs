using Warden.Tui.Model;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Host;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views;

/// <summary>
/// Every view `:` can reach, in one explicit list. Incidents, report and audit wait for their
/// operator API (ListIncidents, GetReport, ListAudit); each becomes an <c>Add</c> when it lands.
/// </summary>
internal static class ConsoleScreens
{
    public const string Start = "hosts";

    public static ScreenCatalog Catalog(HostListState hosts, bool colors)
    {
        IScreen OpenHost(string name) => new HostScreen(hosts, name, colors);
        return new ScreenCatalog()
            .Add(Start, () => new FleetScreen(hosts, colors, OpenHost), "fleet")
            .Unavailable("incidents", "this aggregator has no ListIncidents API yet")
            .Unavailable("report", "this aggregator has no report API yet")
            .Unavailable("audit", "this aggregator has no ListAudit API yet");
    }
}
