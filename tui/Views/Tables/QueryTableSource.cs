using Terminal.Gui.Views;

namespace Warden.Tui.Views.Tables;

/// <summary>
/// Feeds rows to a TableView without DataTable (reflection-heavy): cells are formatted only when
/// the table asks, which is only for the rows on screen. With <c>painted</c> the cells are empty:
/// a <see cref="PaintedTableView{TRow}"/> paints the rows itself, and TableView only measures the
/// cells on screen (every one of them, several times per update, a grapheme at a time) to size
/// columns whose widths the column styles fix anyway.
/// </summary>
internal sealed class QueryTableSource<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<TableColumn<TRow>> columns, bool painted = false) : ITableSource
{
    private readonly string[] _headers = columns.Select(c => c.Header).ToArray();

    public IReadOnlyList<TRow> RowList => rows;

    public IReadOnlyList<TableColumn<TRow>> ColumnList => columns;

    public string[] ColumnNames => _headers;

    public int Columns => _headers.Length;

    public int Rows => rows.Count;

    public object this[int row, int col] => painted ? string.Empty : columns[col].Cell(rows[row]);
}
