using System.Globalization;
using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>One check of a host as GetHost reports it: state, SOFT/HARD, attempt, heal budget left, value against threshold, reason.</summary>
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

    /// <summary>Heal runs left of the budget ("2/3"); "0/3!" when spent; "-" for a check with no heal rule.</summary>
    public string Budget => Check switch
    {
        { HasHealBudgetLeft: false } => HostRow.Missing,
        { HasHealBudget: false } => $"{Check.HealBudgetLeft}",
        { HealBudgetLeft: 0 } => $"0/{Check.HealBudget}!",
        _ => $"{Check.HealBudgetLeft}/{Check.HealBudget}",
    };

    /// <summary>Spent red, partly used yellow, untouched plain.</summary>
    public ScoreBand BudgetBand => Check switch
    {
        { HasHealBudgetLeft: false } => ScoreBand.NoData,
        { HealBudgetLeft: 0 } => ScoreBand.Unhealthy,
        { HasHealBudget: true } when Check.HealBudgetLeft < Check.HealBudget => ScoreBand.Degraded,
        _ => ScoreBand.NoData,
    };

    public static readonly IReadOnlyList<TableColumn<CheckRow>> Columns =
    [
        new("CHECK", 16, r => r.Check.Check, RowOrder.By<CheckRow>(r => r.Check.Check)),
        new("STATE", 7, r => r.State, RowOrder.By<CheckRow>(r => -(double)r.Band)) { Band = r => r.Band },
        new("TYPE", 4, r => IncidentEvidence.Word(r.Check.StateType), RowOrder.By<CheckRow>(r => (double?)r.Check.StateType)),
        new("TRY", 5, r => $"{r.Check.Attempt}/{r.Check.MaxAttempts}", RowOrder.By<CheckRow>(r => (double?)r.Check.Attempt)) { RightAligned = true },
        new("HEAL", 5, r => r.Budget, RowOrder.By<CheckRow>(r => r.Check.HasHealBudgetLeft ? r.Check.HealBudgetLeft : null)) { RightAligned = true, Band = r => r.BudgetBand },
        new("VALUE", 8, r => r.Check.Value.ToString("0.##", CultureInfo.InvariantCulture), RowOrder.By<CheckRow>(r => (double?)r.Check.Value)) { RightAligned = true },
        new("THRESHOLD", 12, r => r.Check.Threshold, RowOrder.By<CheckRow>(r => r.Check.Threshold)) { Optional = true },
        new("REASON", 24, r => r.Check.Reason, RowOrder.By<CheckRow>(r => r.Check.Reason)) { Optional = true },
    ];
}
