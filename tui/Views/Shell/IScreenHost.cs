namespace Warden.Tui.Views.Shell;

/// <summary>What a screen may ask of the shell.</summary>
internal interface IScreenHost
{
    bool ReadOnly { get; }

    /// <summary>Drill in: <paramref name="screen"/> goes on top of the stack; Esc comes back.</summary>
    void Push(IScreen screen);

    /// <summary>A one-line message in the status line until the next key.</summary>
    void Flash(string message);

    /// <summary>
    /// Asks "<paramref name="question"/> [y/N]" in the status line and runs <paramref name="action"/>
    /// on y. In read-only mode it refuses with a message instead and never runs the action.
    /// </summary>
    void Confirm(string question, Action action);

    /// <summary>
    /// Asks for a line of text ("comment:") in the status line and hands it to <paramref name="then"/>
    /// on Enter; Esc cancels. In read-only mode it refuses, like <see cref="Confirm"/>.
    /// </summary>
    void Prompt(string question, Action<string> then);
}
