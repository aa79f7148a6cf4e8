using Microsoft.Extensions.Logging;

namespace Warden.Agent;

/// <summary>Every log line the agent writes, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "warden-agent {Version} starting as host {Host}, proc root {ProcRoot}, state {StateDirectory}")]
    public static partial void Starting(ILogger logger, string version, string host, string procRoot, string stateDirectory);

    [LoggerMessage(2, LogLevel.Warning, "sensing: could not parse {Files}; those readings have no data this pass")]
    public static partial void SenseProblem(ILogger logger, string files);

    [LoggerMessage(10, LogLevel.Information, "connected to aggregator {Endpoint}; it has stored up to sequence {Stored}, resending {Pending} pending records")]
    public static partial void Connected(ILogger logger, string endpoint, ulong stored, int pending);

    [LoggerMessage(11, LogLevel.Warning, "aggregator {Endpoint} unreachable or stream broken ({Reason}); trying {Next} in {Delay}")]
    public static partial void Disconnected(ILogger logger, string endpoint, string reason, string next, TimeSpan delay);

    [LoggerMessage(12, LogLevel.Information, "command {CommandId} from aggregator: {Action}")]
    public static partial void Command(ILogger logger, string commandId, string action);

    [LoggerMessage(13, LogLevel.Warning, "{Dropped} records dropped so far: the spool reached its quota of {MaxBytes} bytes or could not be written")]
    public static partial void Dropped(ILogger logger, long dropped, long maxBytes);

    [LoggerMessage(14, LogLevel.Information, "no sequence counter in the state folder (first start, or the state was lost); numbering from {Stored}, what the aggregator has stored, upwards")]
    public static partial void SequenceSeeded(ILogger logger, ulong stored);

    [LoggerMessage(15, LogLevel.Information, "aggregator {Endpoint} has carried the stream for the failback time; trying the first endpoint {First} again")]
    public static partial void FailingBack(ILogger logger, string endpoint, string first);

    [LoggerMessage(16, LogLevel.Information, "systemd: notifying {Socket}; watchdog {Watchdog}")]
    public static partial void SystemdNotify(ILogger logger, string socket, string watchdog);

    [LoggerMessage(17, LogLevel.Warning, "systemd: cannot notify {Socket}: {Error}")]
    public static partial void SystemdNotifyFailed(ILogger logger, string socket, string error);

    [LoggerMessage(18, LogLevel.Error, "systemd watchdog: the sensing loop last ran {Age} ago; withholding WATCHDOG=1 so systemd restarts the agent")]
    public static partial void WatchdogWithheld(ILogger logger, TimeSpan age);

    [LoggerMessage(19, LogLevel.Information, "warden-agent stopped: {Records} unacknowledged records kept in the spool, synced to disk")]
    public static partial void Stopped(ILogger logger, int records);

    [LoggerMessage(20, LogLevel.Warning, "check {Check} failed to evaluate: {Error}")]
    public static partial void CheckFailed(ILogger logger, string check, string error);

    [LoggerMessage(21, LogLevel.Information, "check {Check} is {State}: {Reason}")]
    public static partial void CheckChanged(ILogger logger, string check, string state, string reason);

    [LoggerMessage(30, LogLevel.Information, "spool {Directory}: {Records} unacknowledged records in {Bytes} bytes, sent again once an aggregator answers")]
    public static partial void SpoolOpened(ILogger logger, string directory, int records, long bytes);

    [LoggerMessage(31, LogLevel.Warning, "spool repaired at start: {Repair}")]
    public static partial void SpoolRepaired(ILogger logger, string repair);

    [LoggerMessage(32, LogLevel.Error, "spool: {Error}; the record is counted as dropped")]
    public static partial void SpoolFailed(ILogger logger, string error);

    [LoggerMessage(50, LogLevel.Warning, "cannot write the status file in {StateDirectory}: {Error}; `warden-agent status` will show the agent as stale")]
    public static partial void StatusNotWritten(ILogger logger, string stateDirectory, string error);

    [LoggerMessage(40, LogLevel.Warning, "heal {Check}: {Action} {Outcome}: {Detail}")]
    public static partial void HealAction(ILogger logger, string check, string action, string outcome, string detail);

    [LoggerMessage(41, LogLevel.Information, "heal {Check} {Outcome}: {Reason}")]
    public static partial void HealJudged(ILogger logger, string check, string outcome, string reason);

    [LoggerMessage(42, LogLevel.Error, "heal {Check} exhausted: {MaxRuns} runs within {Window}; no more healing until it is OK for a full window or an operator resets it")]
    public static partial void HealExhausted(ILogger logger, string check, int maxRuns, TimeSpan window);

    [LoggerMessage(43, LogLevel.Information, "heal {Check}: budget reset after OK for {Window}")]
    public static partial void HealBudgetReset(ILogger logger, string check, TimeSpan window);

    [LoggerMessage(44, LogLevel.Warning, "heal {Check}: budget reset by an operator (command {CommandId}); healing resumes")]
    public static partial void HealBudgetResetByOperator(ILogger logger, string check, string commandId);

    [LoggerMessage(22, LogLevel.Warning, "sensing: cgroup readings left out of this window: {Error}")]
    public static partial void CgroupSenseFailed(ILogger logger, string error);

    [LoggerMessage(23, LogLevel.Critical, "{Service} stopped unexpectedly ({Error}); the agent stops so that its supervisor restarts it")]
    public static partial void ServiceEnded(ILogger logger, string service, string error);

    [LoggerMessage(60, LogLevel.Information, "start-up pages of {Executable} given back: file-backed RSS {BeforeKb} kB -> {AfterKb} kB ({Mappings} mappings); the pages in use fault back in")]
    public static partial void StartupPagesReleased(ILogger logger, string executable, long beforeKb, long afterKb, int mappings);

    [LoggerMessage(61, LogLevel.Warning, "start-up pages not given back: {Problem}; Memory:ReleaseStartupPagesAfterSeconds 0 turns this off")]
    public static partial void StartupPagesKept(ILogger logger, string problem);
}
