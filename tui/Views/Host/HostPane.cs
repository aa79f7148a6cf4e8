using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Warden.Tui.Views.Tables;

namespace Warden.Tui.Views.Host;

/// <summary>What the host view asks of each of its panes, whatever rows it shows.</summary>
internal interface IHostPane
{
    View View { get; }

    /// <summary>Rows after the filter.</summary>
    int RowCount { get; }

    string Title { set; }

    string Filter { get; set; }

    string SortLabel { get; }

    bool HandleSortKey(Key key);

    void Focus();
}

/// <summary>One pane of the host view: a title line saying what it shows over its table (hidden while it has no rows).</summary>
internal sealed class HostPane<TRow> : IHostPane
{
    private readonly Label _title;

    public HostPane(QueryTable<TRow> table)
    {
        Table = table;
        _title = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = string.Empty };
        table.View.Y = 1;
        table.View.Height = Dim.Fill();
        // One line per pane saved: at 80x24 three panes share 17 rows.
        table.View.Style.ShowHorizontalHeaderUnderline = false;
        View = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        View.Add(_title, table.View);
    }

    public QueryTable<TRow> Table { get; }

    public View View { get; }

    public int RowCount => Table.Rows.Count;

    public string Title
    {
        set => _title.Text = value;
    }

    public string Filter
    {
        get => Table.Filter;
        set
        {
            Table.Filter = value;
            Table.View.Visible = RowCount > 0;
        }
    }

    public string SortLabel => Table.Query.SortLabel;

    public void Show(IEnumerable<TRow> rows)
    {
        Table.Show(rows);
        Table.View.Visible = RowCount > 0;
    }

    public bool HandleSortKey(Key key) => Table.HandleSortKey(key);

    public void Focus() => Table.View.SetFocus();
}
