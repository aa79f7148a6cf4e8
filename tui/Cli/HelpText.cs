namespace Warden.Tui.Cli;

/// <summary>`--help` for every command; each page ends with the exit codes, which never change meaning.</summary>
internal static class HelpText
{
    private const string CommonOptions = """
          --aggregator URL   aggregator's operator address
                             (default: $WARDEN_AGGREGATOR, else http://127.0.0.1:7400)
          --readonly         refuse anything that changes state (exit 5); the console says
                             [read-only] in its title
          -h, --help         show this help

        """;

    public const string Main = """
        warden - the Warden operator's console and CLI

        Usage:
          warden [tui] [--aggregator URL] [--readonly]   interactive console (q quits)
          warden hosts [--json]                          every host, once
          warden incidents [--state S] [--severity Pn] [--host H] [--json]
          warden show INCIDENT [--json]
          warden ack INCIDENT [--comment TEXT] [--as NAME]
          warden resolve INCIDENT --comment TEXT [--as NAME]
          warden silence HOST [--check CHECK] --for DURATION --comment TEXT [--as NAME]
          warden report [--since DURATION] [--json | --markdown]
          warden COMMAND --help | warden --version

        Commands:
          tui        live fleet view with drill-down, k9s-style keys (default)
          hosts      print every host once and exit
          incidents  list incidents              show     one incident's timeline
          ack        acknowledge an incident     resolve  resolve one, with a comment
          silence    silence a host or check     report   the resilience report

        Options (every command):

        """ + CommonOptions + """
          --version          show the version

        Set NO_COLOR to turn colours off; every state is also said in words.

        """ + ExitCodes.Help;

    public const string Hosts = """
        warden hosts - print every host the aggregator knows, sorted by name

        Usage:
          warden hosts [--aggregator URL] [--json]

        Columns: HOST, STATE, HEALTH (host score and band: 100 healthy, 80-99 degraded,
        <80 unhealthy), WORST (lowest component when not healthy), LAST SEEN (age by the
        aggregator's clock), CPU%, MEM%, LOAD (1/5/15 minutes), AGENT (version). "-" marks a
        reading the host did not send.

        Options:
          --json             print JSON: {"serverTime", "hosts": [{"host", "connected",
                             "lastSeen", "lastSeenAgeSeconds", "cpuBusyPct", "memUsedPct",
                             "load1", "load5", "load15", "agentVersion", "lastSequence",
                             "machineId"}]}; null where a reading is missing

        """ + CommonOptions + ExitCodes.Help;

    public const string Tui = """
        warden tui - the live console: fleet health, hosts and their checks, incidents

        Usage:
          warden [tui] [--aggregator URL] [--readonly] [--as NAME]

        Keys: ? help (every key of the current view), : jump to a view (:hosts :incidents
        :report :audit), / filter, o / O sort, Enter drill in, Esc back, q quit from the top.
        On incidents: a acknowledge, r resolve with a comment (both ask y/N first), t show
        resolved. When a stream drops, the data is kept, marked stale, and warden reconnects.

        Options:
          --as NAME          the operator named in the audit log (default: $USER)

        """ + CommonOptions + ExitCodes.Help;

    private const string As = """
          --as NAME          the operator named in the audit log (default: $USER)
          --json             print the result as JSON

        """;

    public const string Incidents = """
        warden incidents - list incidents, newest first

        Usage:
          warden incidents [--state open|acknowledged|resolved|all] [--severity P0..P4]
                           [--host HOST] [--json]

        Columns: ID, SEV (P0 most severe), STATE, AGE / SLA (age, then the time left to the
        response SLA or how far past it, for open incidents), SCOPE (host, fleet, partition),
        HOSTS (first host, +N more), TITLE.

        Options:
          --state S          which incidents (default: open)
          --severity Pn      Pn and everything more severe
          --host HOST        only incidents with HOST among their hosts
          --json             print JSON: {"serverTime", "incidents": [{"id", "title", "severity",
                             "state", "scope", "rule", "component", "check", "hosts",
                             "openedAt", "slaDeadline", "acknowledgedAt", "acknowledgedBy",
                             "resolvedAt", "resolvedBy", "escalationLevel", "reopenCount",
                             "occurrences", "flapping", "silencedBy", "mergedInto",
                             "failingChildren"}]}; null where unset

        """ + CommonOptions + ExitCodes.Help;

    public const string Show = """
        warden show - one incident: timeline, classification, heals, escalations and evidence

        Usage:
          warden show INCIDENT [--json]

        INCIDENT is the id: 42, #42 or INC-42.

        Options:
          --json             print JSON: {"incident": {as in 'warden incidents'}, "children":
                             [{"host", "component", "check", "failing", "since", "reason"}],
                             "timeline": [{"at", "kind", "actor", "text"}], "evidence":
                             [{"at", "host", "kind", "text"}], "counters": {name: number}}

        """ + CommonOptions + ExitCodes.Help;

    public const string Ack = """
        warden ack - acknowledge an incident (stops its escalation); recorded in the audit log

        Usage:
          warden ack INCIDENT [--comment TEXT] [--as NAME]

        Acknowledging a resolved incident is refused (exit 1).

        Options:
          --comment TEXT     a note kept with the acknowledgement

        """ + As + CommonOptions + ExitCodes.Help;

    public const string Resolve = """
        warden resolve - resolve an incident by hand; recorded in the audit log

        Usage:
          warden resolve INCIDENT --comment TEXT [--as NAME]

        Options:
          --comment TEXT     required: why it is resolved

        """ + As + CommonOptions + ExitCodes.Help;

    public const string Silence = """
        warden silence - stop notifications for a host (or one check on it) for a while;
        recording goes on, and resolved notifications are still sent

        Usage:
          warden silence HOST [--check CHECK] --for DURATION --comment TEXT [--as NAME]

        HOST and CHECK may be globs with * and ?. --json prints {"id", "host", "component",
        "check", "startsAt", "endsAt", "createdBy", "comment", "active"}.

        Options:
          --check CHECK      only this check, e.g. disk_space:/var
          --for DURATION     required: 90s, 30m, 2h, 7d (at most 30d)
          --comment TEXT     required: why, kept in the audit log

        """ + As + CommonOptions + ExitCodes.Help;

    public const string Report = """
        warden report - the resilience report over a period ending now, computed by the
        aggregator from its stored incidents and heal events

        Usage:
          warden report [--since DURATION] [--json | --markdown]

        Options:
          --since DURATION   the period: 12h, 7d, 90d (default 30d, at most 366d)
          --json             print JSON, schema "warden.report/v1" (README.md, "Report")
          --markdown         print Markdown tables, for pasting into a review

        Figures (an outage is a P0-P2 incident; merged incidents count once):
          availability       share of the observed time with no outage open on the
                             host / component; hosts are observed from their first hello
          MTBF               host time up / host failures (outage episodes started in it)
          MTTR               mean detected -> resolved of outage episodes resolved in it
          incidents          opened in the period, by severity and by rule (cause)
          resolved           by the engine (checks stayed OK; "after a heal" when a heal of
                             one of its checks SUCCEEDED first) versus by an operator
          heal success       SUCCEEDED / (SUCCEEDED + FAILED + TIMED_OUT + EXHAUSTED)

        """ + CommonOptions + ExitCodes.Help;

    public static string For(CommandKind? command) => command switch
    {
        CommandKind.Hosts => Hosts,
        CommandKind.Tui => Tui,
        CommandKind.Incidents => Incidents,
        CommandKind.Show => Show,
        CommandKind.Ack => Ack,
        CommandKind.Resolve => Resolve,
        CommandKind.Silence => Silence,
        CommandKind.Report => Report,
        _ => Main,
    };
}
