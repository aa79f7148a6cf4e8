using System.Collections.ObjectModel;
using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Tui.Formatting;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views.Audit;

/// <summary>Enter on an audit entry: every field, the reason wrapped to the screen. Esc goes back.</summary>
internal sealed class AuditEntryScreen : IScreen
{
    private const int Width = 76;

    private readonly ListView _lines;

    public AuditEntryScreen(AuditRow row)
    {
        Text = Render(row);
        _lines = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _lines.SetSource(new ObservableCollection<string>(Text.Split('\n')));
    }

    public string Name => "entry";

    public View Content => _lines;

    public IReadOnlyList<KeyHelp> Keys { get; } = [new("↑ ↓ PgUp PgDn", "scroll a long reason")];

    public bool Filterable => false;

    public string Filter { get => string.Empty; set { } }

    public string Context => string.Empty;

    internal string Text { get; }

    public void Refresh()
    {
    }

    public bool HandleKey(Key key, IScreenHost host) => false;

    public void Dispose() => _lines.Dispose();

    internal static string Render(AuditRow row)
    {
        var text = new StringBuilder()
            .Append("When:     ").Append(IncidentText.Time(row.Entry.At?.ToDateTimeOffset())).Append('\n')
            .Append("Who:      ").Append(row.Entry.Actor).Append('\n')
            .Append("What:     ").Append(row.Entry.Action).Append('\n')
            .Append("Incident: ").Append(row.Entry.IncidentId > 0 ? row.Entry.IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-").Append('\n')
            .Append("Silence:  ").Append(row.Entry.SilenceId > 0 ? row.Entry.SilenceId.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-").Append('\n')
            .Append("Why:\n");
        foreach (string line in Wrap(row.Entry.Reason.Length > 0 ? row.Entry.Reason : "-"))
        {
            text.Append("  ").Append(line).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Words to lines of at most <see cref="Width"/> characters; a longer word is cut.</summary>
    internal static IEnumerable<string> Wrap(string text)
    {
        var line = new StringBuilder();
        foreach (string word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                yield return line.ToString();
                line.Clear();
            }

            for (string rest = word; rest.Length > 0; rest = rest.Length > Width ? rest[Width..] : string.Empty)
            {
                if (rest.Length > Width)
                {
                    yield return rest[..Width];
                    continue;
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(rest);
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
