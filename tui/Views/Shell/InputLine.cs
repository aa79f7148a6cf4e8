using System.Text;

namespace Warden.Tui.Views.Shell;

internal enum InputMode
{
    None,

    /// <summary>`:` typed: a view name is being entered.</summary>
    Command,

    /// <summary>`/` typed: the current table filters as the text changes.</summary>
    Filter,

    /// <summary>A state-changing action waits for y (anything else cancels).</summary>
    Confirm,

    /// <summary>Free text asked for (a comment); Enter hands it over, Esc cancels.</summary>
    Prompt,
}

/// <summary>The text being typed in the status line, and what it is for.</summary>
internal sealed class InputLine
{
    private readonly StringBuilder _text = new();

    public InputMode Mode { get; private set; }

    public string Text => _text.ToString();

    public string Question { get; private set; } = string.Empty;

    public Action? PendingAction { get; private set; }

    public Action<string>? PendingText { get; private set; }

    public void Begin(InputMode mode, string initialText = "")
    {
        Mode = mode;
        _text.Clear().Append(initialText);
    }

    public void Ask(string question, Action action)
    {
        Begin(InputMode.Confirm);
        Question = question;
        PendingAction = action;
    }

    public void AskText(string question, Action<string> then)
    {
        Begin(InputMode.Prompt);
        Question = question;
        PendingText = then;
    }

    public void Append(string text) => _text.Append(text);

    /// <summary>Removes the last character; false when there was none.</summary>
    public bool Backspace()
    {
        if (_text.Length == 0)
        {
            return false;
        }

        _text.Length--;
        return true;
    }

    public void End()
    {
        Mode = InputMode.None;
        _text.Clear();
        Question = string.Empty;
        PendingAction = null;
        PendingText = null;
    }
}
