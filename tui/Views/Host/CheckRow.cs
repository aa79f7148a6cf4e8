using System.Globalization;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>One check of a host as GetHost reports it: state, SOFT/HARD, attempt, value against threshold, reason.</summary>
internal sealed record CheckRow(HostCheckState Check)
{
    public string Key => Check.Component + "\u0000" + Check.Check;

    public string State => IncidentEvidence.Word(Check.State);

    /// <summary>CRIT red, WARN yellow, OK green; UNKNOWN plain. The word is always there too.</summary>
    public ScoreBand Band => Check.State switch
    {
        CheckState.Crit => ScoreBand.Unhealthy,
        CheckState.Warn => ScoreBand.Degraded,
        CheckState.Ok => ScoreBand.Healthy,
        _ => ScoreBand.NoData,
    };

    public static readonly IReadOnlyList<TableColumn<CheckRow>> Columns =
    [
        new("CHECK", 16, r => r.Check.Check, RowOrder.By<CheckRow>(r => r.Check.Check)),
        new("STATE", 7, r => r.State, RowOrder.By<CheckRow>(r => -(double)r.Band)) { Band = r => r.Band },
        new("TYPE", 4, r => IncidentEvidence.Word(r.Check.StateType), RowOrder.By<CheckRow>(r => (double?)r.Check.StateType)),
        new("TRY", 5, r => $"{r.Check.Attempt}/{r.Check.MaxAttempts}", RowOrder.By<CheckRow>(r => (double?)r.Check.Attempt)) { RightAligned = true },
        new("VALUE", 8, r => r.Check.Value.ToString("0.##", CultureInfo.InvariantCulture), RowOrder.By<CheckRow>(r => (double?)r.Check.Value)) { RightAligned = true },
        new("THRESHOLD", 12, r => r.Check.Threshold, RowOrder.By<CheckRow>(r => r.Check.Threshold)) { Optional = true },
        new("REASON", 24, r => r.Check.Reason, RowOrder.By<CheckRow>(r => r.Check.Reason)) { Optional = true },
    ];
}
