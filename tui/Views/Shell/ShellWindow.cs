using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Warden.Tui.Views.Shell;

/// <summary>
/// The frame every view is shown in: title (breadcrumb, read-only, stale), a banner line for a lost
/// connection, an info line (feed state, sort, filter), the current view, and the status line (key
/// hints, the command or filter being typed, a question, or a message). At 80x24 the view gets 19 rows.
/// </summary>
internal sealed class ShellWindow : Window
{
    private readonly Label _banner;
    private readonly Label _info;
    private readonly Label _status;
    private readonly View _body;

    public ShellWindow(bool colors)
    {
        // Auto width: the banner's colour covers its words only, and nothing while it is empty.
        _banner = new Label { X = 0, Y = 0, Text = string.Empty };
        _info = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 1, Text = string.Empty };
        _body = new View { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(1), CanFocus = true };
        _status = new Label { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1, Text = string.Empty };
        // Check names have underscores ("disk_space:/var"); a label would take '_' for a hotkey mark and hide it.
        foreach (Label label in new[] { _banner, _info, _status })
        {
            label.HotKeySpecifier = (System.Text.Rune)0xFFFF;
        }

        if (colors)
        {
            _banner.SetScheme(new Scheme(new Attribute(Color.White, Color.Red)));
        }

        Add(_banner, _info, _body, _status);
    }

    public void ShowContent(View content)
    {
        foreach (View old in _body.SubViews.ToArray())
        {
            _body.Remove(old);
        }

        _body.Add(content);
        content.SetFocus();
    }

    /// <summary>Makes every table in the current view write all its cells on the next draw.</summary>
    public void RepaintTables() => RepaintTables(_body);

    private static void RepaintTables(View view)
    {
        foreach (View sub in view.SubViews)
        {
            if (sub is Tables.IRepaintable table)
            {
                table.RepaintAll();
            }

            RepaintTables(sub);
        }
    }

    /// <summary>
    /// Rewrites the whole screen on the next draw, as a terminal program does on Ctrl+L: the driver's
    /// buffer is cleared, so every view writes every cell again.
    /// </summary>
    public void RedrawScreen()
    {
        if (App is { } app)
        {
            app.ClearScreenNextIteration = true;
        }

        SetNeedsDraw();
    }

    /// <summary>
    /// Sets the four lines; a line that did not change is left alone, since setting a view's text
    /// marks it to be drawn again (and the title, the whole frame with its border).
    /// </summary>
    public void SetLines(string title, string? banner, string info, string status)
    {
        if (Title != title)
        {
            Title = title;
        }

        SetText(_banner, banner ?? string.Empty);
        SetText(_info, info);
        SetText(_status, status);
    }

    private static void SetText(View view, string text)
    {
        if (view.Text != text)
        {
            view.Text = text;
        }
    }
}
