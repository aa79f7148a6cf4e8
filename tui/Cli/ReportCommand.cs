using System.Text.Json;
using Grpc.Core;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Formatting;

namespace Warden.Tui.Cli;

/// <summary>`warden report`: one GetReport call, printed as a table, JSON (schema in ReportJson.cs) or Markdown.</summary>
internal static class ReportCommand
{
    // The aggregator reads the whole period's history; give it longer than a listing.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Uri address, ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        using var channel = OperatorChannel.Create(address);
        var client = new Operator.OperatorClient(channel);
        var request = new GetReportRequest { SinceSeconds = (ulong)ReportPeriod.Of(arguments).TotalSeconds };

        ResilienceReport report;
        try
        {
            report = await client.GetReportAsync(request, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            (int exit, string what) = ex.StatusCode switch
            {
                StatusCode.Unavailable or StatusCode.DeadlineExceeded => (ExitCodes.Unreachable, "aggregator unreachable at"),
                StatusCode.Unimplemented => (ExitCodes.NotSupported, "GetReport is not served by the aggregator at"),
                StatusCode.InvalidArgument => (ExitCodes.Usage, "GetReport refused by the aggregator at"),
                _ => (ExitCodes.Failure, "GetReport failed at"),
            };
            await console.Error.WriteLineAsync($"warden report: {what} {address.OriginalString}: {RpcFailure.Describe(ex)}");
            return exit;
        }

        string text = arguments.Json
            ? JsonSerializer.Serialize(ReportDocument.From(report), ReportJsonContext.Default.ReportDocument) + "\n"
            : arguments.Markdown ? ReportMarkdown.Render(report) : ReportTable.Render(report);
        await console.Out.WriteAsync(text);
        return ExitCodes.Ok;
    }
}
