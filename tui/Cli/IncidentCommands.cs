using System.Text.Json;
using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Cli;

/// <summary>`warden incidents`, `show`, `ack` and `resolve`: one Operator call each, printed as text or JSON.</summary>
internal static class IncidentCommands
{
    public static async Task<int> ListAsync(Uri address, ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var request = new ListIncidentsRequest { Filter = Filter(arguments) };
        var (exit, response) = await new OperatorCall(address, console).RunAsync(
            "ListIncidents", (client, options) => client.ListIncidentsAsync(request, options), cancellationToken);
        if (response is null)
        {
            return exit;
        }

        DateTimeOffset now = response.ServerTime?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow;
        await console.Out.WriteAsync(arguments.Json
            ? JsonSerializer.Serialize(IncidentListDocument.From(response.Incidents, now), IncidentJsonContext.Default.IncidentListDocument) + "\n"
            : IncidentText.Table(response.Incidents, now));
        return ExitCodes.Ok;
    }

    public static Task<int> ShowAsync(Uri address, ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken) =>
        OnIncidentAsync(address, arguments, console, "GetIncident", null, (client, id, options) => client.GetIncidentAsync(new GetIncidentRequest { Id = id }, options), cancellationToken);

    public static Task<int> AckAsync(Uri address, ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken) =>
        OnIncidentAsync(address, arguments, console, "Acknowledge", "acknowledged", (client, id, options) =>
            client.AcknowledgeAsync(new AcknowledgeRequest { Id = id, Comment = arguments.Comment ?? string.Empty }, options), cancellationToken);

    public static Task<int> ResolveAsync(Uri address, ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken) =>
        OnIncidentAsync(address, arguments, console, "Resolve", "resolved", (client, id, options) =>
            client.ResolveAsync(new ResolveRequest { Id = id, Comment = arguments.Comment ?? string.Empty }, options), cancellationToken);

    /// <summary>--state and --severity: open by default; a severity means it and everything more severe.</summary>
    public static IncidentFilter Filter(ParsedArguments arguments)
    {
        var filter = new IncidentFilter { Host = arguments.Host ?? string.Empty };
        switch (arguments.State ?? "open")
        {
            case "open": filter.States.Add(IncidentState.Open); break;
            case "acknowledged": filter.States.Add(IncidentState.Acknowledged); break;
            case "resolved": filter.States.Add(IncidentState.Resolved); break;
        }

        if (arguments.Severity is string word && IncidentWords.ParseSeverity(word) is Severity least)
        {
            filter.Severities.AddRange(Enum.GetValues<Severity>().Where(s => s != Severity.Unspecified && s <= least));
        }

        return filter;
    }

    private static async Task<int> OnIncidentAsync(
        Uri address,
        ParsedArguments arguments,
        CliConsole console,
        string rpc,
        string? done,
        Func<Operator.OperatorClient, ulong, Grpc.Core.CallOptions, Grpc.Core.AsyncUnaryCall<IncidentDetail>> call,
        CancellationToken cancellationToken)
    {
        if (!IncidentWords.TryParseId(arguments.Target!, out ulong id))
        {
            await console.Error.WriteLineAsync($"warden: '{arguments.Target}' is not an incident id (a number such as 42, #42 or INC-42)");
            return ExitCodes.Usage;
        }

        var operatorCall = new OperatorCall(address, console, OperatorCall.OperatorName(arguments.As, console.Environment));
        var (exit, detail) = await operatorCall.RunAsync(rpc, (client, options) => call(client, id, options), cancellationToken);
        if (detail is null)
        {
            return exit;
        }

        string text = arguments.Json
            ? JsonSerializer.Serialize(IncidentDetailDocument.From(detail), IncidentJsonContext.Default.IncidentDetailDocument) + "\n"
            : done is null
                ? IncidentText.Detail(detail, DateTimeOffset.UtcNow)
                : $"incident {id} {done}: {detail.Summary.Title} (now {IncidentWords.State(detail.Summary.State)})\n";
        await console.Out.WriteAsync(text);
        return ExitCodes.Ok;
    }
}
