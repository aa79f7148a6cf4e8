using Microsoft.Extensions.Hosting;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Hosting;
using Warden.Agent.Sensing;
using Warden.Agent.Spool;
using Warden.Agent.State;
using Warden.Agent.Streaming;

namespace Warden.Agent;

/// <summary>Wires the agent's parts in one explicit list (no scanning, AOT-safe) and runs them.</summary>
internal static class AgentHost
{
    public static async Task<int> RunAsync(AgentOptions options)
    {
        SequenceCounter sequence;
        try
        {
            sequence = SequenceCounter.Open(options.StateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warden-agent: state folder {options.StateDirectory} is not usable: {e.Message}");
            return AgentCommandLine.ExitConfig;
        }
        var spoolDirectory = options.Spool.ResolveDirectory(options.StateDirectory);
        RecordSpool spool;
        try
        {
            spool = RecordSpool.Open(spoolDirectory, options.Spool, TimeProvider.System);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warden-agent: spool folder {spoolDirectory} is not usable: {e.Message}");
            return AgentCommandLine.ExitConfig;
        }
        using var ownedSpool = spool; // closing syncs the open segment

        // Wired by hand rather than with Microsoft.Extensions.Hosting: the agent's parts are one fixed
        // list, and the hosting, DI and console-logging stack cost megabytes of resident memory.
        var time = TimeProvider.System;
        var logs = AgentLogging.Create(options.Logging, Environment.GetEnvironmentVariable, time);
        var identity = new AgentIdentity(options, time);
        var pending = new PendingRecords(sequence, spool, options.Spool.MaxBytes);
        using var sensor = new HostSensor(options.ProcRoot);
        using var runner = new CheckRunner(CheckCatalog.Create(options, time), time, logs.For<CheckRunner>());
        var link = new LinkStatus();
        using var checks = new CheckService(runner, pending, options, time, logs.For<CheckService>());
        var status = new StatusReporter(options, identity, link, checks.Healer, logs.For<StatusReporter>());
        using var sensing = new SensingService(sensor, pending, runner, status, options, time, logs.For<SensingService>());
        var commands = new AgentCommands(sensing.CollectNow, checks.Healer, logs.For<AgentCommands>());
        using var aggregator = new AggregatorLink(options, identity, pending, sequence, sensor, commands, link, time, logs.For<AggregatorLink>());
        using var lifetime = new ServiceLifetime();
        using var systemd = Systemd(options, sensing, lifetime, time, logs);
        // Stopped first (reverse order), so systemd hears STOPPING=1 before the others wind down.
        BackgroundService[] services = systemd is null ? [checks, sensing, aggregator] : [checks, sensing, aggregator, systemd];

        Log.Starting(logs.For<AgentIdentity>(), AgentIdentity.Version, identity.Host, options.ProcRoot, options.StateDirectory);
        var spoolLogger = logs.For<RecordSpool>();
        foreach (var repair in spool.Repairs)
        {
            Log.SpoolRepaired(spoolLogger, repair);
        }
        Log.SpoolOpened(spoolLogger, spool.Directory, spool.Count, spool.Bytes);
        using var startupPages = StartupPages.Schedule(options.Memory, time, logs.For("Warden.Agent.Hosting.StartupPages"));
        using var heapTrim = HeapTrim.Schedule(options.Memory, time);
        var exitCode = await ServiceRun.RunAsync(services, logs.For("Warden.Agent.Hosting.ServiceRun"), lifetime: lifetime);
        spool.Dispose();
        Log.Stopped(spoolLogger, spool.Count);
        return exitCode;
    }

    // Only when systemd started the agent as Type=notify. The variables are cleared so heal commands
    // the agent runs do not inherit them and notify systemd in its name.
    private static SystemdService? Systemd(AgentOptions options, SensingService sensing, ServiceLifetime lifetime, TimeProvider time,
        ConsoleLog logs)
    {
        var notifier = SystemdNotifier.FromEnvironment(Environment.GetEnvironmentVariable);
        if (notifier is null)
        {
            return null;
        }
        var watchdog = SystemdNotifier.WatchdogPeriod(Environment.GetEnvironmentVariable, Environment.ProcessId);
        foreach (var variable in (string[])["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"])
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        return new SystemdService(notifier, watchdog, () => sensing.LastSensed, TimeSpan.FromSeconds(options.Sampling.SenseIntervalSeconds),
            lifetime, time, logs.For<SystemdService>());
    }
}
