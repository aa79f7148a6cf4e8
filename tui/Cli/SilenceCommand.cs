using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Cli;

/// <summary>`warden silence HOST [--check CHECK] --for DURATION --comment TEXT`: one Silence call from now.</summary>
internal static class SilenceCommand
{
    public static async Task<int> RunAsync(Uri address, ParsedArguments arguments, CliConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var request = new SilenceRequest
        {
            Host = arguments.Target!,
            Check = arguments.Check ?? string.Empty,
            StartsAt = Timestamp.FromDateTimeOffset(now),
            EndsAt = Timestamp.FromDateTimeOffset(now + arguments.Duration!.Value),
            Comment = arguments.Comment!,
        };
        var operatorCall = new OperatorCall(address, console, OperatorCall.OperatorName(arguments.As, console.Environment));
        var (exit, silence) = await operatorCall.RunAsync("Silence", (client, options) => client.SilenceAsync(request, options), cancellationToken);
        if (silence is null)
        {
            return exit;
        }

        await console.Out.WriteAsync(arguments.Json
            ? JsonSerializer.Serialize(SilenceDocument.From(silence), IncidentJsonContext.Default.SilenceDocument) + "\n"
            : $"silence {silence.Id} on {Scope(silence)} until {IncidentText.Time(silence.EndsAt?.ToDateTimeOffset())} by {silence.CreatedBy}\n");
        return ExitCodes.Ok;
    }

    private static string Scope(SilenceInfo s) => s.Check.Length > 0 ? $"{s.Host} {s.Check}" : s.Host;
}
