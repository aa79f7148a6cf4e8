using System.Text.Json;
using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Cli;

/// <summary>`warden report`: one GetReport call, printed as a table, JSON (schema in ReportJson.cs) or Markdown.</summary>
internal static class ReportCommand
{
    // The aggregator reads the whole period's history; give it longer than a listing.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Uri address, ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var request = new GetReportRequest { SinceSeconds = (ulong)ReportPeriod.Of(arguments).TotalSeconds };
        var (exit, report) = await new OperatorCall(address, console, timeout: CallTimeout).RunAsync(
            "GetReport", (client, options) => client.GetReportAsync(request, options), cancellationToken);
        if (report is null)
        {
            return exit;
        }

        string text = arguments.Json
            ? JsonSerializer.Serialize(ReportDocument.From(report), ReportJsonContext.Default.ReportDocument) + "\n"
            : arguments.Markdown ? ReportMarkdown.Render(report) : ReportTable.Render(report);
        await console.Out.WriteAsync(text);
        return ExitCodes.Ok;
    }
}
