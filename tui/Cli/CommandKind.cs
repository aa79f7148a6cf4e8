namespace Warden.Tui.Cli;

internal enum CommandKind
{
    Tui,
    Hosts,
    Incidents,
    Show,
    Ack,
    Resolve,
    Silence,
    Report,
}
