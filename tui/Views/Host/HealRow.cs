using Warden.Proto.V1;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>One heal event of the host: how long ago, which check, its outcome, the budget used, the action and what it said.</summary>
internal sealed record HealRow(EvidenceHeal Event, DateTimeOffset Now)
{
    public HealEvent Heal => Event.Heal ?? new HealEvent();

    public TimeSpan? Age => Event.At is null ? null : Now - Event.At.ToDateTimeOffset();

    public string Key => $"{Event.At?.Seconds}.{Event.At?.Nanos}\u0000{Heal.Check}\u0000{Heal.Outcome}\u0000{Heal.Action}";

    /// <summary>The proto's words: STARTED, SUCCEEDED, FAILED, TIMED_OUT, EXHAUSTED (heal-exhausted).</summary>
    public string Outcome => Heal.Outcome switch
    {
        HealOutcome.Started => "STARTED",
        HealOutcome.Succeeded => "SUCCEEDED",
        HealOutcome.Failed => "FAILED",
        HealOutcome.TimedOut => "TIMED_OUT",
        HealOutcome.Exhausted => "EXHAUSTED",
        _ => "UNKNOWN",
    };

    /// <summary>SUCCEEDED green; FAILED, TIMED_OUT and EXHAUSTED red; STARTED (still in its grace) yellow.</summary>
    public ScoreBand Band => Heal.Outcome switch
    {
        HealOutcome.Succeeded => ScoreBand.Healthy,
        HealOutcome.Started => ScoreBand.Degraded,
        HealOutcome.Failed or HealOutcome.TimedOut or HealOutcome.Exhausted => ScoreBand.Unhealthy,
        _ => ScoreBand.NoData,
    };

    public static readonly IReadOnlyList<TableColumn<HealRow>> Columns =
    [
        new("CHECK", 16, r => r.Heal.Check, RowOrder.By<HealRow>(r => r.Heal.Check)),
        new("AGO", 4, r => r.Age is TimeSpan age ? AgeFormat.Format(age) : HostRow.Missing, RowOrder.By<HealRow>(r => r.Age)) { RightAligned = true },
        new("OUTCOME", 9, r => r.Outcome, RowOrder.By<HealRow>(r => r.Outcome)) { Band = r => r.Band },
        new("RUNS", 4, r => $"{r.Heal.RunsInWindow}/{r.Heal.Budget}", RowOrder.By<HealRow>(r => (double?)r.Heal.RunsInWindow)) { RightAligned = true },
        new("ACTION", 22, r => r.Heal.Action, RowOrder.By<HealRow>(r => r.Heal.Action)) { Optional = true },
        new("DETAIL", 30, r => r.Heal.Detail, RowOrder.By<HealRow>(r => r.Heal.Detail)) { Optional = true },
    ];
}
