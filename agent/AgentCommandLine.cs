using Warden.Agent.Configuration;
using Warden.Agent.Streaming;

namespace Warden.Agent;

/// <summary>warden-agent's commands. Exit codes: 0 ok, 2 usage, 78 configuration (EX_CONFIG).</summary>
internal static class AgentCommandLine
{
    public const int ExitUsage = 2;
    public const int ExitConfig = 78;

    private const string Help = """
        warden-agent: senses this host and streams its health to a Warden aggregator.

        Usage:
          warden-agent [run] [--config PATH]     run the agent (the systemd service runs this)
          warden-agent check-config [--config PATH]
                                                 validate the configuration and print the effective settings
          warden-agent status [--json] [--config PATH]
                                                 what the running agent last reported: aggregator link,
                                                 spool depth, oldest unacknowledged record, drops, health
                                                 (exit 0 connected, 1 not connected, 3 not running)
          warden-agent once [--json] [--config PATH]
                                                 read and check everything once; print readings, every
                                                 check's state, value, threshold and reason, and the scores
          warden-agent --version | --help

        Options:
          --config PATH   configuration file (default /etc/warden/agent.json). A missing default file
                          means all defaults; a missing file named here is an error.

        Exit codes: 0 success, 2 bad command line, 78 bad configuration.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? command = null;
        string? configPath = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    Console.Out.WriteLine(Help);
                    return 0;
                case "--version":
                    Console.Out.WriteLine($"warden-agent {AgentIdentity.Version}");
                    return 0;
                case "--config" when i + 1 < args.Length:
                    configPath = args[++i];
                    break;
                case "--config":
                    return Usage("--config needs a file path");
                case "--json":
                    json = true;
                    break;
                case "run" or "check-config" or "once" or "status" when command is null:
                    command = args[i];
                    break;
                default:
                    return Usage($"unknown argument '{args[i]}'");
            }
        }

        AgentOptions options;
        try
        {
            options = AgentConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"warden-agent: {e.Message}");
            return ExitConfig;
        }

        if (json && command is not ("once" or "status"))
        {
            return Usage("--json goes with 'once' or 'status'");
        }
        switch (command)
        {
            case "check-config":
                PrintEffective(options, configPath ?? AgentOptions.DefaultPath);
                return 0;
            case "status":
                return Commands.StatusCommand.Run(options, json, Console.Out, Console.Error, DateTimeOffset.UtcNow);
            case "once":
                return await Commands.OnceCommand.RunAsync(options, json, Console.Out, CancellationToken.None);
        }
        Hosting.NativeHeap.KeepSmall();
        return await AgentHost.RunAsync(options);
    }

    private static void PrintEffective(AgentOptions o, string path)
    {
        var host = o.Host ?? $"{HostName.FromKernel(o.ProcRoot)} (from the kernel)";
        Console.Out.WriteLine($"""
            configuration OK: {Path.GetFullPath(path)}{(File.Exists(path) ? "" : " (absent: all defaults)")}
              Host                             {host}
              StateDirectory                   {o.StateDirectory}
              ProcRoot                         {o.ProcRoot}
              MachineIdPath                    {o.MachineIdPath}
              Aggregator:Endpoints             {string.Join(", ", o.Aggregator.Endpoints)}
              Aggregator:ReconnectMinSeconds   {o.Aggregator.ReconnectMinSeconds}
              Aggregator:ReconnectMaxSeconds   {o.Aggregator.ReconnectMaxSeconds}
              Aggregator:FailbackSeconds       {o.Aggregator.FailbackSeconds}
              Aggregator:Compression           {o.Aggregator.Compression}
              Aggregator:KeepAlivePingDelaySeconds   {o.Aggregator.KeepAlivePingDelaySeconds}
              Aggregator:KeepAlivePingTimeoutSeconds {o.Aggregator.KeepAlivePingTimeoutSeconds}
              Aggregator:BatchDelayMs          {o.Aggregator.BatchDelayMs}
              Spool:Directory                  {o.Spool.ResolveDirectory(o.StateDirectory)}
              Spool:MaxBytes                   {o.Spool.MaxBytes}
              Spool:SegmentBytes               {o.Spool.SegmentBytes}
              Spool:Fsync                      {o.Spool.Fsync}
              Spool:FsyncIntervalMs            {o.Spool.FsyncIntervalMs}
              Sampling:SenseIntervalSeconds    {o.Sampling.SenseIntervalSeconds}
              Sampling:ShipIntervalSeconds     {o.Sampling.ShipIntervalSeconds}
              Logging:Format                   {o.Logging.Format}
              Logging:Level                    {o.Logging.Level}
              Memory:ReleaseStartupPagesAfterSeconds {o.Memory.ReleaseStartupPagesAfterSeconds}
              Memory:CompactHeapEverySeconds   {o.Memory.CompactHeapEverySeconds}
            """);
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"warden-agent: {problem}. Try 'warden-agent --help'.");
        return ExitUsage;
    }
}
