using System.Text;
using Terminal.Gui.Input;
using Warden.Tui.Model;

namespace Warden.Tui.Views.Shell;

/// <summary>
/// The k9s-style navigation: a stack of views (Enter drills in, Esc or q goes back, q at the top
/// quits), the `:` command bar, the `/` filter, `?` help and confirmations. Keys arrive through
/// <see cref="HandleKey"/> before any view sees them; what is not the shell's goes to the top view.
/// </summary>
internal sealed class ConsoleShell : IScreenHost, IDisposable
{
    private const string Product = "warden";

    private readonly ShellWindow _window;
    private readonly ScreenCatalog _catalog;
    private readonly IFeedStatus _feed;
    private readonly string _address;
    private readonly Action _quit;
    private readonly Action<Action> _post;
    private readonly List<IScreen> _stack = [];
    private readonly InputLine _input = new();
    private string? _flash;
    private bool _refreshPending;
    private readonly TimeSpan _refreshEvery;
    private readonly TimeProvider _time;
    private long _lastRefresh;
    private readonly TimeSpan _repaintEvery;
    private long _lastRepaint;
    private ITimer? _refreshTimer;

    /// <param name="post">Runs an action later on the UI thread; live updates are coalesced through it.</param>
    public ConsoleShell(ShellWindow window, ScreenCatalog catalog, IFeedStatus feed, ShellOptions options, Action quit, Action<Action> post)
    {
        _window = window;
        _catalog = catalog;
        _feed = feed;
        _address = options.Address;
        ReadOnly = options.ReadOnly;
        _quit = quit;
        _post = post;
        _refreshEvery = options.RefreshEvery;
        _repaintEvery = options.RepaintEvery;
        _time = options.Time;
        _lastRepaint = _time.GetTimestamp();
    }

    public bool ReadOnly { get; }

    public IScreen Current => _stack[^1];

    public int Depth => _stack.Count;

    /// <summary>
    /// Opens <paramref name="name"/> as the only view, given <paramref name="arguments"/> (the words after
    /// its name, `:incidents p1`) when there are any; false (with a message) when it cannot.
    /// </summary>
    public bool Jump(string name, string arguments = "")
    {
        IScreen? screen = _catalog.Open(name, arguments, out string message);
        if (screen is null)
        {
            Flash(message);
            return false;
        }

        foreach (IScreen old in _stack)
        {
            old.Dispose();
        }

        _stack.Clear();
        Push(screen);
        return true;
    }

    public void Push(IScreen screen)
    {
        _stack.Add(screen);
        Show();
    }

    public void Flash(string message)
    {
        _flash = message;
        Render();
    }

    public void Confirm(string question, Action action)
    {
        if (ReadOnly)
        {
            Flash($"read-only: not allowed ({question.TrimEnd('?')})");
            return;
        }

        _input.Ask(question, action);
        Render();
    }

    /// <summary>The data changed: refresh once soon, however many changes arrive in between.</summary>
    public void Prompt(string question, Action<string> then)
    {
        if (ReadOnly)
        {
            Flash($"read-only: not allowed ({question.TrimEnd(':', ' ')})");
            return;
        }

        _input.AskText(question, then);
        Render();
    }

    /// <summary>
    /// A feed changed: refresh on the next main-loop turn, but no sooner than
    /// <see cref="ShellOptions.RefreshEvery"/> after the last refresh; requests in between are one.
    /// </summary>
    public void RequestRefresh()
    {
        if (_refreshPending)
        {
            return;
        }

        _refreshPending = true;
        TimeSpan wait = _lastRefresh == 0 ? TimeSpan.Zero : _refreshEvery - _time.GetElapsedTime(_lastRefresh);
        if (wait <= TimeSpan.Zero)
        {
            _post(RefreshRequested);
            return;
        }

        _refreshTimer?.Dispose();
        _refreshTimer = _time.CreateTimer(_ => _post(RefreshRequested), null, wait, Timeout.InfiniteTimeSpan);
    }

    public void Refresh()
    {
        _lastRefresh = _time.GetTimestamp();
        if (_stack.Count > 0)
        {
            Current.Refresh();
            Render();
        }
    }

    private void RefreshRequested()
    {
        _refreshPending = false;
        if (_time.GetElapsedTime(_lastRepaint) >= _repaintEvery)
        {
            _lastRepaint = _time.GetTimestamp();
            _window.RepaintTables();
        }

        Refresh();
    }

    /// <summary>Returns true when the key was the shell's or the top view's.</summary>
    public bool HandleKey(Key key)
    {
        if (_stack.Count == 0)
        {
            return false;
        }

        bool hadFlash = _flash is not null;
        _flash = null;
        bool handled = _input.Mode switch
        {
            InputMode.Confirm => Answer(key),
            InputMode.Command or InputMode.Filter or InputMode.Prompt => Edit(key),
            _ => Navigate(key),
        };
        if (handled || hadFlash)
        {
            Render();
        }

        return handled;
    }

    public void Dispose()
    {
        _refreshTimer?.Dispose();
        foreach (IScreen screen in _stack)
        {
            screen.Dispose();
        }

        _stack.Clear();
    }

    private bool Navigate(Key key)
    {
        if (key == Key.L.WithCtrl)
        {
            _lastRepaint = _time.GetTimestamp();
            _window.RedrawScreen();
            return true;
        }

        if (key == Key.Esc)
        {
            if (Current.Filter.Length > 0)
            {
                Current.Filter = string.Empty;
            }
            else if (_stack.Count > 1)
            {
                Pop();
            }

            return true;
        }

        switch (Printable(key))
        {
            case "q":
                if (_stack.Count > 1)
                {
                    Pop();
                }
                else
                {
                    _quit();
                }

                return true;
            case ":":
                _input.Begin(InputMode.Command);
                return true;
            case "/" when Current.Filterable:
                _input.Begin(InputMode.Filter, Current.Filter);
                return true;
            case "/":
                Flash($"{Current.Name} has nothing to filter");
                return true;
            case "?" when Current is not HelpScreen:
                Push(new HelpScreen(Current));
                return true;
            default:
                return Current.HandleKey(key, this);
        }
    }

    private bool Edit(Key key)
    {
        bool filtering = _input.Mode == InputMode.Filter;
        if (_input.Mode == InputMode.Prompt && (key == Key.Esc || key == Key.Enter))
        {
            return AnswerText(key);
        }

        if (key == Key.Esc)
        {
            _input.End();
            if (filtering)
            {
                Current.Filter = string.Empty;
            }

            return true;
        }

        if (key == Key.Enter)
        {
            string text = _input.Text.Trim();
            _input.End();
            if (!filtering && text.Length > 0)
            {
                RunCommand(text);
            }

            return true;
        }

        if (key == Key.Backspace)
        {
            if (!_input.Backspace())
            {
                _input.End();
            }
        }
        else if (Printable(key) is string typed)
        {
            _input.Append(typed);
        }
        else
        {
            // Arrows and page keys still move the table while typing.
            return false;
        }

        if (filtering)
        {
            Current.Filter = _input.Text;
        }

        return true;
    }

    private bool Answer(Key key)
    {
        Action? action = _input.PendingAction;
        string question = _input.Question;
        _input.End();
        if (Printable(key) == "y" && action is not null)
        {
            action();
        }
        else
        {
            Flash($"cancelled: {question.TrimEnd('?')}");
        }

        return true;
    }

    private bool AnswerText(Key key)
    {
        Action<string>? then = _input.PendingText;
        string question = _input.Question, text = _input.Text.Trim();
        _input.End();
        if (key == Key.Enter && text.Length > 0 && then is not null)
        {
            then(text);
        }
        else
        {
            Flash($"cancelled: {question.TrimEnd(':', ' ')}");
        }

        return true;
    }

    private void RunCommand(string text)
    {
        string name = text.TrimStart(':');
        if (name is "q" or "quit")
        {
            _quit();
            return;
        }

        int space = name.IndexOf(' ', StringComparison.Ordinal);
        Jump(space < 0 ? name : name[..space], space < 0 ? string.Empty : name[(space + 1)..].Trim());
    }

    private void Pop()
    {
        Current.Dispose();
        _stack.RemoveAt(_stack.Count - 1);
        Show();
    }

    private void Show()
    {
        _window.ShowContent(Current.Content);
        Refresh();
    }

    private void Render()
    {
        if (_stack.Count == 0)
        {
            return;
        }

        string crumbs = string.Join(" › ", _stack.Select(s => s.Name));
        IFeedStatus feed = Current.Feed ?? _feed;
        string title = $"{Product} · {crumbs}" + (ReadOnly ? " [read-only]" : string.Empty) + (feed.IsStale ? " (stale)" : string.Empty);
        string context = Current.Context;
        string filter = Current.Filter.Length > 0 ? $" · filter /{Current.Filter}" : string.Empty;
        string info = feed.StatusLine(_address) + (context.Length > 0 ? " · " + context : string.Empty) + filter;
        _window.SetLines(title, feed.Banner, info, StatusText());
    }

    private string StatusText() => _input.Mode switch
    {
        InputMode.Command => ":" + _input.Text + "▏",
        InputMode.Filter => "/" + _input.Text + "▏",
        InputMode.Confirm => $"{_input.Question} [y/N]",
        InputMode.Prompt => $"{_input.Question} {_input.Text}▏",
        _ => _flash ?? Hints(),
    };

    private string Hints()
    {
        string back = _stack.Count > 1 ? "<Esc> back  <q> back" : "<q> quit";
        string filter = Current.Filterable ? "</> filter  " : string.Empty;
        return $"<?> help  <:> views  {filter}{back}";
    }

    private static string? Printable(Key key) =>
        !key.IsCtrl && !key.IsAlt && key.TryGetPrintableRune(out Rune rune) ? rune.ToString() : null;
}
