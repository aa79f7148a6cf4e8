using System.Globalization;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Fleet;

/// <summary>
/// The fleet table's columns. HOST is flexible (12 cells at least). The ten columns after it take
/// 61 cells with their separators, so all eleven fit 80x24 with HOST at 17. CPU%, MEM%, LOAD and
/// VERSION are optional: dropped from the right until HOST gets 20 cells, so CPU% appears from 90
/// columns and all four from 110. Heal counters join when the aggregator sends them (HostSummary
/// fields 11..19). Shift+letter sorts (k9s): N host, S score (health), W worst, L last seen, A agent,
/// C CPU%, M MEM%.
/// </summary>
internal static class FleetColumns
{
    public const int Health = 1;
    public const int MinHostWidth = 12;
    public const int WantHostWidth = 20;

    public static readonly IReadOnlyList<TableColumn<FleetRow>> All = Build();

    private static TableColumn<FleetRow>[] Build()
    {
        var columns = new List<TableColumn<FleetRow>>
        {
            new("HOST", MinHostWidth, r => r.Host, RowOrder.By<FleetRow>(r => r.Host)) { SortKey = 'N' },
            new("HEALTH", 12, r => r.Health, RowOrder.By<FleetRow>(r => r.Scores.Host)) { Band = r => r.Band, SortKey = 'S' },
            new("WORST", 8, r => r.Worst, RowOrder.By<FleetRow>(WorstScore)) { Band = r => ScoreBands.Of(WorstScore(r)), SortKey = 'W' },
        };
        for (int i = 0; i < HealthComponents.Names.Count; i++)
        {
            int component = i;
            columns.Add(new(HealthComponents.Headers[i], 3, r => ScoreBands.Cell(r.Scores.Components[component]), RowOrder.By<FleetRow>(r => r.Scores.Components[component]))
            {
                RightAligned = true,
                Band = r => ScoreBands.Of(r.Scores.Components[component]),
            });
        }

        columns.Add(new("SEEN", 4, r => r.LastSeen, RowOrder.By<FleetRow>(r => r.LastSeenAge)) { RightAligned = true, SortKey = 'L' });
        columns.Add(new("AGENT", 9, r => r.Agent, RowOrder.By<FleetRow>(r => r.Agent)) { SortKey = 'A' });
        columns.Add(new("CPU%", 5, r => Percent(r.Readings.CpuBusyPct), RowOrder.By<FleetRow>(r => r.Readings.CpuBusyPct)) { RightAligned = true, Optional = true, SortKey = 'C' });
        columns.Add(new("MEM%", 5, r => Percent(r.Readings.MemUsedPct), RowOrder.By<FleetRow>(r => r.Readings.MemUsedPct)) { RightAligned = true, Optional = true, SortKey = 'M' });
        columns.Add(new("LOAD", 5, r => Load(r.Readings.Load1), RowOrder.By<FleetRow>(r => r.Readings.Load1)) { RightAligned = true, Optional = true });
        columns.Add(new("VERSION", 8, r => r.AgentVersion.Length == 0 ? HostRow.Missing : r.AgentVersion, RowOrder.By<FleetRow>(r => r.AgentVersion)) { Optional = true });
        return [.. columns];
    }

    private static double? WorstScore(FleetRow row) => row.Scores.WorstIndex() is int i ? row.Scores.Components[i] : null;

    private static string Percent(double? value) => value is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) : HostRow.Missing;

    private static string Load(double? value) => value is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : HostRow.Missing;
}
