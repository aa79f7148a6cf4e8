using System.Globalization;
using Warden.Proto.V1;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Audit;

/// <summary>One audit entry as `:audit` lists it; <see cref="Order"/> is its place in ListAudit's answer (0 newest).</summary>
internal sealed record AuditRow(AuditEntry Entry, int Order)
{
    public string Key => Order.ToString(CultureInfo.InvariantCulture);

    /// <summary>"acknowledge incident 7", "silence 3", "expire-silence 3".</summary>
    public string What => Entry.Action + (Entry.IncidentId > 0 ? $" incident {Entry.IncidentId}" : string.Empty)
        + (Entry.SilenceId > 0 ? $" silence {Entry.SilenceId}" : string.Empty);

    public string When => Entry.At?.ToDateTimeOffset().UtcDateTime.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";

    public static readonly IReadOnlyList<TableColumn<AuditRow>> Columns =
    [
        new("WHAT", 20, r => r.What, RowOrder.By<AuditRow>(r => r.What)),
        new("WHEN", 14, r => r.When, RowOrder.By<AuditRow>(r => (double?)-r.Order)),
        new("WHO", 12, r => r.Entry.Actor, RowOrder.By<AuditRow>(r => r.Entry.Actor)),
        new("WHY", 24, r => r.Entry.Reason, RowOrder.By<AuditRow>(r => r.Entry.Reason)) { Optional = true },
    ];

    public const int WhenColumn = 1;
}
