using System.Globalization;
using Warden.Proto.V1;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Silence;

/// <summary>One silence as `:silences` lists it.</summary>
internal sealed record SilenceRow(SilenceInfo Silence, string State)
{
    public string Key => Silence.Id.ToString(CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<TableColumn<SilenceRow>> Columns =
    [
        new("MATCHES", 20, r => SilenceWords.Matchers(r.Silence), RowOrder.By<SilenceRow>(r => SilenceWords.Matchers(r.Silence))),
        new("ID", 4, r => r.Key, RowOrder.By<SilenceRow>(r => (double?)r.Silence.Id)) { RightAligned = true },
        new("STATE", 7, r => r.State, RowOrder.By<SilenceRow>(r => r.State)),
        new("UNTIL", 11, r => SilenceWords.Until(r.Silence), RowOrder.By<SilenceRow>(r => (double?)r.Silence.EndsAt?.Seconds)),
        new("BY", 10, r => r.Silence.CreatedBy, RowOrder.By<SilenceRow>(r => r.Silence.CreatedBy)),
        new("COMMENT", 20, r => r.Silence.Comment, RowOrder.By<SilenceRow>(r => r.Silence.Comment)) { Optional = true },
    ];
}
