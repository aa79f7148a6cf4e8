using System.Reflection;
using Warden.Tui.Views;

namespace Warden.Tui.Cli;

/// <summary>Entry point behind Program: parse, resolve the address, dispatch, map to an exit code.</summary>
internal static class WardenCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ParseResult parsed = ArgumentParser.Parse(args);
        if (parsed.Arguments is not ParsedArguments arguments)
        {
            string help = args.FirstOrDefault(a => CommandSpec.Find(a) is not null) is string word ? $"warden {word} --help" : "warden --help";
            await console.Error.WriteLineAsync($"warden: {parsed.Error}\nRun '{help}' for usage.");
            return ExitCodes.Usage;
        }

        if (arguments.Help)
        {
            await console.Out.WriteAsync(HelpText.For(arguments.Command));
            return ExitCodes.Ok;
        }

        if (arguments.Version)
        {
            await console.Out.WriteLineAsync($"warden {Version()}");
            return ExitCodes.Ok;
        }

        CommandSpec spec = CommandSpec.For(arguments.Command ?? CommandKind.Tui);
        if (spec.ChangesState && arguments.ReadOnly)
        {
            await console.Error.WriteLineAsync($"warden {spec.Word}: refused: --readonly is set and this command changes state");
            return ExitCodes.ReadOnly;
        }

        if (!AggregatorAddress.TryResolve(arguments.Aggregator, console.Environment(AggregatorAddress.EnvironmentVariable), out Uri address, out string error))
        {
            await console.Error.WriteLineAsync($"warden: {error}");
            return ExitCodes.Usage;
        }

        return spec.Kind switch
        {
            CommandKind.Hosts => await HostsCommand.RunAsync(address, arguments.Json, console, cancellationToken),
            CommandKind.Incidents => await IncidentCommands.ListAsync(address, arguments, console, cancellationToken),
            CommandKind.Show => await IncidentCommands.ShowAsync(address, arguments, console, cancellationToken),
            CommandKind.Ack => await IncidentCommands.AckAsync(address, arguments, console, cancellationToken),
            CommandKind.Resolve => await IncidentCommands.ResolveAsync(address, arguments, console, cancellationToken),
            CommandKind.Silence => await SilenceCommand.RunAsync(address, arguments, console, TimeProvider.System, cancellationToken),
            CommandKind.Report => await ReportCommand.RunAsync(address, arguments, console, cancellationToken),
            _ => TuiSession.Run(address, arguments.ReadOnly, console.Environment, arguments.As),
        };
    }

    private static string Version()
    {
        string version = typeof(WardenCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

        // Drop the "+commit" suffix the SDK appends; the release number is what operators compare.
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
