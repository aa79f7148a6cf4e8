using Warden.Tui.Client;
using Warden.Tui.Views.Audit;
using Warden.Tui.Views.Report;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Silence;

namespace Warden.Tui.Views;

/// <summary>
/// The operator calls behind :report, :audit, :silences, `s` and `c`; <see cref="Post"/> runs an
/// answer on the UI thread and redraws the frame after it; <see cref="ServerNow"/> is the aggregator's clock.
/// </summary>
internal sealed record OperatorServices(ConsoleOperator Calls, Action<Action> Post, Func<DateTimeOffset> ServerNow)
{
    public SilenceKeys SilenceKeys { get; } = new(Calls, Post, ServerNow);

    /// <summary>Adds the views these calls serve; without them each says why it is not available.</summary>
    public static ScreenCatalog AddViews(ScreenCatalog catalog, OperatorServices? services, IncidentServices? incidents, bool colors)
    {
        if (services is null)
        {
            const string Why = "this console was started without the operator API";
            return catalog.Unavailable("report", Why).Unavailable("audit", Why).Unavailable("silences", Why);
        }

        return catalog
            .Add("report", (string argument, out string message) =>
                ReportPeriods.TryParse(argument, out TimeSpan period, out message) ? new ReportScreen(services.Calls, services.Post, period) : null)
            .Add("audit", () => new AuditScreen(services.Calls, services.Post, incidents?.State, colors))
            .Add("silences", () => new SilencesScreen(services.Calls, services.Post, services.ServerNow, colors), "sil");
    }
}
