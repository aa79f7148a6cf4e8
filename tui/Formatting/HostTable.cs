using Warden.Proto.V1;

namespace Warden.Tui.Formatting;

/// <summary>The `warden hosts` table: hosts sorted by name, ages against the server's clock.</summary>
internal static class HostTable
{
    // CPU%, MEM% read best right-aligned so the decimal points line up.
    private static readonly HashSet<int> NumericColumns = [5, 6];

    public static string Render(IEnumerable<HostSummary> hosts, DateTimeOffset serverTime)
    {
        List<IReadOnlyList<string>> rows = hosts
            .OrderBy(h => h.Host, StringComparer.Ordinal)
            .Select(h => (IReadOnlyList<string>)HostRow.From(h, serverTime).Cells())
            .ToList();
        return TextTable.Render(HostRow.Headers, rows, NumericColumns);
    }
}
