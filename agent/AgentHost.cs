using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        AgentLogging.Configure(builder.Logging, options.Logging, Environment.GetEnvironmentVariable);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sequence);
        builder.Services.AddSingleton(new HostSensor(options.ProcRoot));
        builder.Services.AddSingleton<AgentIdentity>();
        builder.Services.AddSingleton(sp => new PendingRecords(sp.GetRequiredService<SequenceCounter>(), spool, options.Spool.MaxBytes));
        builder.Services.AddSingleton(sp => new CheckRunner(CheckCatalog.Create(options, TimeProvider.System), TimeProvider.System,
            sp.GetRequiredService<ILogger<CheckRunner>>()));
        builder.Services.AddSingleton<CheckService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckService>());
        builder.Services.AddSingleton<LinkStatus>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<CheckService>().Healer.Ledger);
        builder.Services.AddSingleton<StatusReporter>();
        builder.Services.AddSingleton<SensingService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SensingService>());
        builder.Services.AddSingleton(sp => new AgentCommands(sp.GetRequiredService<SensingService>().CollectNow,
            sp.GetRequiredService<CheckService>().Healer, sp.GetRequiredService<ILogger<AgentCommands>>()));
        builder.Services.AddHostedService<AggregatorLink>();
        AddSystemd(builder.Services, options);

        using var host = builder.Build();
        var identity = host.Services.GetRequiredService<AgentIdentity>();
        Log.Starting(host.Services.GetRequiredService<ILogger<AgentIdentity>>(), AgentIdentity.Version, identity.Host,
            options.ProcRoot, options.StateDirectory);
        var spoolLogger = host.Services.GetRequiredService<ILogger<RecordSpool>>();
        foreach (var repair in spool.Repairs)
        {
            Log.SpoolRepaired(spoolLogger, repair);
        }
        Log.SpoolOpened(spoolLogger, spool.Directory, spool.Count, spool.Bytes);
        await host.RunAsync();
        spool.Dispose();
        Log.Stopped(spoolLogger, spool.Count);
        return 0;
    }

    // Registered only when systemd started the agent as Type=notify. The variables are cleared so
    // heal commands the agent runs do not inherit them and notify systemd in its name.
    private static void AddSystemd(IServiceCollection services, AgentOptions options)
    {
        var notifier = SystemdNotifier.FromEnvironment(Environment.GetEnvironmentVariable);
        if (notifier is null)
        {
            return;
        }
        var watchdog = SystemdNotifier.WatchdogPeriod(Environment.GetEnvironmentVariable, Environment.ProcessId);
        foreach (var variable in (string[])["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"])
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        services.AddSingleton(notifier);
        // systemd records start and stop itself; no "Press Ctrl+C" lines in the journal.
        services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        services.AddHostedService(sp => new SystemdService(notifier, watchdog, () => sp.GetRequiredService<SensingService>().LastSensed,
            TimeSpan.FromSeconds(options.Sampling.SenseIntervalSeconds), sp.GetRequiredService<IHostApplicationLifetime>(),
            TimeProvider.System, sp.GetRequiredService<ILogger<SystemdService>>()));
    }
}
