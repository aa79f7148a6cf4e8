using Warden.Aggregator.Configuration;
using Warden.Aggregator.Ingest;

namespace Warden.Aggregator;

/// <summary>warden-aggregator's commands. Exit codes: 0 ok, 2 usage, 74 database (EX_IOERR), 78 configuration.</summary>
internal static class AggregatorCommandLine
{
    public const int ExitUsage = 2;
    public const int ExitDatabase = 74;
    public const int ExitConfig = 78;

    private const string Help = """
        warden-aggregator: receives the agents' streams, keeps the site's state, serves `warden`.

        Usage:
          warden-aggregator [run] [options]      run the aggregator (the systemd service runs this)
          warden-aggregator check-config [options]
          warden-aggregator backup PATH [options]   write a consistent copy of the database to PATH
                             (asks the running aggregator on its Listen address, or copies the
                             file itself when none runs); restore = stop, put the copy in place
          warden-aggregator --version | --help

        Options (each overrides the configuration file):
          --config PATH      configuration file (default /etc/warden/aggregator.json; a missing default
                             file means all defaults, a missing file named here is an error)
          --listen URL       http://IP:PORT to listen on (default http://127.0.0.1:7400; port 0 = any
                             free port). Loopback only: TLS is not there yet.
          --state DIR        state folder holding the database (default /var/lib/warden-aggregator)
          --port-file PATH   once listening, write the bound address to PATH (for scripts and tests)
          --metrics-listen URL  http://IP:PORT of /metrics (HTTP/1.1; default http://127.0.0.1:7401;
                             "" turns it off); the bound address is logged ("metrics on ...")

        Exit codes: 0 success, 2 bad command line, 74 database cannot be opened, 78 bad configuration.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? command = null, configPath = null, listen = null, state = null, portFile = null, backupPath = null, metricsListen = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    Console.Out.WriteLine(Help);
                    return 0;
                case "--version":
                    Console.Out.WriteLine($"warden-aggregator {AgentLinkService.Version}");
                    return 0;
                case "--config" or "--listen" or "--state" or "--port-file" or "--metrics-listen":
                    if (i + 1 >= args.Length)
                    {
                        return Usage($"{arg} needs a value");
                    }
                    var value = args[++i];
                    switch (arg)
                    {
                        case "--config": configPath = value; break;
                        case "--listen": listen = value; break;
                        case "--state": state = value; break;
                        case "--metrics-listen": metricsListen = value; break;
                        default: portFile = value; break;
                    }
                    break;
                case "run" or "check-config" when command is null:
                    command = arg;
                    break;
                case "backup" when command is null:
                    if (i + 1 >= args.Length)
                    {
                        return Usage("backup needs a PATH to write the copy to");
                    }
                    command = arg;
                    backupPath = args[++i];
                    break;
                default:
                    return Usage($"unknown argument '{arg}'");
            }
        }

        AggregatorOptions options;
        System.Net.IPEndPoint endpoint;
        try
        {
            options = AggregatorConfigLoader.Load(configPath);
            options.Listen = listen ?? options.Listen;
            options.StateDirectory = state ?? options.StateDirectory;
            options.Metrics.Listen = metricsListen ?? options.Metrics.Listen;
            endpoint = AggregatorConfigLoader.Validate(options);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"warden-aggregator: {e.Message}");
            return ExitConfig;
        }

        if (command == "check-config")
        {
            Console.Out.WriteLine($"""
                configuration OK: {Path.GetFullPath(configPath ?? AggregatorOptions.DefaultPath)}
                  Listen           {options.Listen}
                  StateDirectory   {options.StateDirectory}
                  DatabaseFile     {options.DatabaseFile} ({Path.GetFullPath(options.DatabasePath)})
                  Notifications    {options.Notifications.Receivers.Count} receivers ({string.Join(", ", options.Notifications.Receivers.Keys)}), {options.Notifications.Routes.Count} routes
                  Metrics:Listen   {(options.Metrics.Listen.Length > 0 ? options.Metrics.Listen : "(off)")}
                """);
            return 0;
        }
        if (command == "backup")
        {
            return await Admin.BackupCommand.RunAsync(options, backupPath!);
        }
        return await AggregatorHost.RunAsync(options, endpoint, portFile);
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"warden-aggregator: {problem}. Try 'warden-aggregator --help'.");
        return ExitUsage;
    }
}
