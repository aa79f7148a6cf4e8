using Warden.Tui.Client;
using Warden.Tui.Model;
using Warden.Tui.Views.Fleet;
using Warden.Tui.Views.Host;
using Warden.Tui.Views.Incidents;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views;

/// <summary>The incident feed and actions the incident views need, and how to get back on the UI thread.</summary>
internal sealed record IncidentServices(IncidentListState State, IIncidentActions Actions, Action<Action> Post)
{
    /// <summary>GetHost, for the host view's checks.</summary>
    public Func<string, Task<Proto.V1.GetHostResponse>>? GetHost { get; init; }

    /// <summary>What the host view draws its sparklines with (SparkGlyphs.For the terminal).</summary>
    public Formatting.SparkGlyphs Glyphs { get; init; } = Formatting.SparkGlyphs.Blocks;
}

/// <summary>
/// Every view `:` can reach, in one explicit list; report, audit and silences come from
/// <see cref="OperatorServices.AddViews"/>.
/// </summary>
internal static class ConsoleScreens
{
    public const string Start = "hosts";

    public static ScreenCatalog Catalog(HostListState hosts, bool colors, IncidentServices? incidents = null, OperatorServices? operatorServices = null)
    {
        IScreen OpenHost(string name) => new HostScreen(hosts, name, colors, incidents?.GetHost, incidents?.Post, incidents?.Glyphs) { Silencing = operatorServices?.SilenceKeys };
        var catalog = new ScreenCatalog().Add(Start, () => new FleetScreen(hosts, colors, OpenHost), "fleet");
        if (incidents is null)
        {
            catalog.Unavailable("incidents", "this console was started without the incident stream");
        }
        else
        {
            var keys = new IncidentActionKeys(incidents.Actions, incidents.State, incidents.Post)
            {
                Comment = operatorServices is null ? null : operatorServices.Calls.CommentAsync,
                Silence = operatorServices?.SilenceKeys,
            };
            IScreen OpenIncident(ulong id) => new IncidentScreen(id, incidents.State, incidents.Actions, keys, incidents.Post);
            catalog.Add("incidents", () => new IncidentsScreen(incidents.State, keys, OpenIncident, colors), "inc");
        }

        return OperatorServices.AddViews(catalog, operatorServices, incidents, colors);
    }
}
