namespace Warden.Tui.Cli;

internal enum CommandKind
{
    Tui,
    Hosts,
}
