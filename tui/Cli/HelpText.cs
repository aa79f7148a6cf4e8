namespace Warden.Tui.Cli;

internal static class HelpText
{
    public const string Main = """
        warden - watch the Warden fleet

        Usage:
          warden [tui] [--aggregator URL]     live host list (q or Esc quits)
          warden hosts [--aggregator URL] [--json]
          warden --help | --version

        Commands:
          tui      interactive host list, updated live (default)
          hosts    print every host once and exit

        Options:
          --aggregator URL   aggregator's operator address
                             (default: $WARDEN_AGGREGATOR, else http://127.0.0.1:7400)
          -h, --help         show help
          --version          show the version

        Exit codes: 0 ok, 1 failed, 2 usage error, 3 aggregator unreachable.
        Set NO_COLOR to turn colors off.

        """;

    public const string Hosts = """
        warden hosts - print every host the aggregator knows, sorted by name

        Usage:
          warden hosts [--aggregator URL] [--json]

        Columns: HOST, STATE, LAST SEEN (age by the aggregator's clock), CPU%, MEM%,
        LOAD (1/5/15 minutes), AGENT (version). "-" marks a reading the host did not send.

        Options:
          --aggregator URL   aggregator's operator address
                             (default: $WARDEN_AGGREGATOR, else http://127.0.0.1:7400)
          --json             print JSON: {"serverTime", "hosts": [{"host", "connected",
                             "lastSeen", "lastSeenAgeSeconds", "cpuBusyPct", "memUsedPct",
                             "load1", "load5", "load15", "agentVersion", "lastSequence",
                             "machineId"}]}; null where a reading is missing
          -h, --help         show this help

        Exit codes: 0 ok, 1 failed, 2 usage error, 3 aggregator unreachable.

        """;

    public const string Tui = """
        warden tui - live host list, fed by the aggregator's WatchHosts stream

        Usage:
          warden [tui] [--aggregator URL]

        Keys: q or Esc quits. When the stream drops, the list is kept, marked stale, and
        warden reconnects with capped backoff.

        Options:
          --aggregator URL   aggregator's operator address
                             (default: $WARDEN_AGGREGATOR, else http://127.0.0.1:7400)
          -h, --help         show this help

        """;

    public static string For(CommandKind? command) => command switch
    {
        CommandKind.Hosts => Hosts,
        CommandKind.Tui => Tui,
        _ => Main,
    };
}
