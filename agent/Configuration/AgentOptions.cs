using Warden.Agent.Checks.Exec;
using Warden.Agent.Checks.Network;
using Warden.Agent.Checks.Security;
using Warden.Agent.Checks.Service;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Checks.Vm;
using Warden.Agent.Healing;

namespace Warden.Agent.Configuration;

/// <summary>
/// The agent's configuration file (default /etc/warden/agent.json; JSON with // comments). Every
/// key is documented in packaging/etc/agent.json; defaults are stated here once.
/// </summary>
public sealed class AgentOptions
{
    public const string DefaultPath = "/etc/warden/agent.json";

    /// <summary>Name this host reports as. Default: the kernel's hostname.</summary>
    public string? Host { get; set; }

    /// <summary>Where the agent keeps its state (sequence counter, and the spool unless Spool:Directory says otherwise).</summary>
    public string StateDirectory { get; set; } = "/var/lib/warden-agent";

    /// <summary>Root of the proc filesystem; tests point it at a fixture tree.</summary>
    public string ProcRoot { get; set; } = "/proc";

    /// <summary>Root of sysfs (network interfaces, block devices).</summary>
    public string SysRoot { get; set; } = "/sys";

    /// <summary>Root of the cgroup hierarchy (v1, v2 or hybrid is detected below it).</summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    /// <summary>Runtime state folder (libvirt keeps its running guests in RUN/libvirt/qemu).</summary>
    public string RunRoot { get; set; } = "/run";

    /// <summary>File holding the machine id.</summary>
    public string MachineIdPath { get; set; } = "/etc/machine-id";

    public ChecksOptions Checks { get; set; } = new();

    internal Checks.HostPaths Paths => new(ProcRoot, SysRoot, CgroupRoot, RunRoot);

    public AggregatorOptions Aggregator { get; set; } = new();

    public SamplingOptions Sampling { get; set; } = new();

    public SpoolOptions Spool { get; set; } = new();

    public LoggingOptions Logging { get; set; } = new();

    public MemoryOptions Memory { get; set; } = new();
}

public sealed class MemoryOptions
{
    /// <summary>
    /// Seconds after start at which the resident pages of the agent's own executable are given back
    /// (madvise MADV_PAGEOUT): start-up code leaves memory, the steady state's pages fault back in. 0 turns it off.
    /// </summary>
    public double ReleaseStartupPagesAfterSeconds { get; set; } = 60;

    /// <summary>
    /// Seconds between full compacting collections that return the GC's free memory to the kernel. 0 turns it off.
    /// </summary>
    public double CompactHeapEverySeconds { get; set; } = 60;

    internal IEnumerable<string> Problems()
    {
        if (!(CompactHeapEverySeconds >= 0) || CompactHeapEverySeconds > 86400 || CompactHeapEverySeconds is > 0 and < 1)
        {
            yield return $"Memory:CompactHeapEverySeconds: {CompactHeapEverySeconds} must be 0 (off) or between 1 and 86400";
        }
        if (!(ReleaseStartupPagesAfterSeconds >= 0) || ReleaseStartupPagesAfterSeconds > 86400)
        {
            yield return $"Memory:ReleaseStartupPagesAfterSeconds: {ReleaseStartupPagesAfterSeconds} must be between 0 (off) and 86400";
        }
    }
}

public sealed class AggregatorOptions
{
    public const string DefaultEndpoint = "http://127.0.0.1:7400";

    /// <summary>
    /// Aggregator addresses, tried in order; empty means [DefaultEndpoint]. (The binder appends a
    /// file's list to a non-empty default, so the default is applied after binding.)
    /// Plain http is for the local demo on loopback.
    /// </summary>
    public string[] Endpoints { get; set; } = [];

    /// <summary>First reconnect delay; doubles per failed attempt up to the maximum, with jitter.</summary>
    public double ReconnectMinSeconds { get; set; } = 1;

    public double ReconnectMaxSeconds { get; set; } = 30;

    /// <summary>How the agent's messages are compressed on the wire: "gzip" or "none".</summary>
    public string Compression { get; set; } = "gzip";

    /// <summary>Idle time after which the agent sends an HTTP/2 PING, so a dead path is noticed.</summary>
    public double KeepAlivePingDelaySeconds { get; set; } = 20;

    /// <summary>How long a PING may go unanswered before the connection is dropped and re-dialled.</summary>
    public double KeepAlivePingTimeoutSeconds { get; set; } = 10;

    /// <summary>Connected to a later endpoint for this long, the agent tries the first one again.</summary>
    public double FailbackSeconds { get; set; } = 300;

    /// <summary>Records made within this many milliseconds of each other go out together in one burst.</summary>
    public int BatchDelayMs { get; set; } = 5;

    internal bool Gzip => Compression == "gzip";

    internal IEnumerable<string> Problems()
    {
        if (Compression is not ("gzip" or "none"))
        {
            yield return $"Aggregator:Compression: '{Compression}' must be gzip or none";
        }
        // SocketsHttpHandler refuses a PING delay or timeout under one second.
        if (!(KeepAlivePingDelaySeconds >= 1) || KeepAlivePingDelaySeconds > 86400)
        {
            yield return $"Aggregator:KeepAlivePingDelaySeconds: {KeepAlivePingDelaySeconds} must be between 1 and 86400";
        }
        if (!(KeepAlivePingTimeoutSeconds >= 1) || KeepAlivePingTimeoutSeconds > 86400)
        {
            yield return $"Aggregator:KeepAlivePingTimeoutSeconds: {KeepAlivePingTimeoutSeconds} must be between 1 and 86400";
        }
        if (!(FailbackSeconds > 0) || double.IsInfinity(FailbackSeconds))
        {
            yield return $"Aggregator:FailbackSeconds: {FailbackSeconds} must be a positive number of seconds";
        }
        if (BatchDelayMs is < 0 or > 10_000)
        {
            yield return $"Aggregator:BatchDelayMs: {BatchDelayMs} must be between 0 and 10000";
        }
    }
}

public sealed class LoggingOptions
{
    /// <summary>"Auto" (Systemd when started by systemd with JOURNAL_STREAM set, else Simple), "Simple", "Systemd" or "Json".</summary>
    public string Format { get; set; } = "Auto";

    /// <summary>The least severe level written: Trace, Debug, Information, Warning, Error or Critical.</summary>
    public string Level { get; set; } = "Information";

    internal static readonly string[] Formats = ["Auto", "Simple", "Systemd", "Json"];

    internal IEnumerable<string> Problems()
    {
        if (!Formats.Contains(Format, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Logging:Format: '{Format}' must be Auto, Simple, Systemd or Json";
        }
        if (!Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(Level, ignoreCase: true, out var level)
            || level == Microsoft.Extensions.Logging.LogLevel.None || int.TryParse(Level, out _))
        {
            yield return $"Logging:Level: '{Level}' must be Trace, Debug, Information, Warning, Error or Critical";
        }
    }

    internal Microsoft.Extensions.Logging.LogLevel MinimumLevel =>
        Enum.Parse<Microsoft.Extensions.Logging.LogLevel>(Level, ignoreCase: true);
}

public sealed class SamplingOptions
{
    /// <summary>How often the agent reads /proc.</summary>
    public double SenseIntervalSeconds { get; set; } = 1;

    /// <summary>How often the agent ships a summary (last, min, max) of what it sensed.</summary>
    public double ShipIntervalSeconds { get; set; } = 10;
}

/// <summary>The checks: what every check shares, then one section per component.</summary>
public sealed class ChecksOptions
{
    /// <summary>Consecutive non-OK results that make a check's state HARD (DESIGN.md).</summary>
    public int MaxAttempts { get; set; } = 3;

    public SystemCheckOptions System { get; set; } = new();

    public StorageCheckOptions Storage { get; set; } = new();

    public NetworkCheckOptions Network { get; set; } = new();

    public VmCheckOptions Vm { get; set; } = new();

    public ServiceCheckOptions Service { get; set; } = new();

    public SecurityCheckOptions Security { get; set; } = new();

    /// <summary>Nagios-convention plugins: "Exec": [ { "Name", "Command": [argv], ... } ].</summary>
    public ExecPluginOptions[] Exec { get; set; } = [];

    /// <summary>Heal rules: "Heal": [ { "Check": "process_running:web", "Actions": [ ... ] } ] (DESIGN.md, "Heal budget").</summary>
    public HealRuleOptions[] Heal { get; set; } = [];

    public HealBudgetOptions HealBudget { get; set; } = new();

    /// <summary>The systemctl that restart-unit actions run, by absolute path without a shell.</summary>
    public string SystemctlPath { get; set; } = "/usr/bin/systemctl";

    internal IEnumerable<string> Problems() =>
        System.Problems()
            .Concat(Storage.Problems())
            .Concat(Network.Problems())
            .Concat(Vm.Problems())
            .Concat(Service.Problems())
            .Concat(Security.Problems())
            .Concat(new ExecCheckOptions { Checks = Exec }.Problems())
            .Concat(HealProblems.Of(Heal, HealBudget, SystemctlPath));
}
