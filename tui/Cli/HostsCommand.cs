using System.Text.Json;
using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Cli;

/// <summary>`warden hosts`: one ListHosts call, printed as a table or JSON.</summary>
internal static class HostsCommand
{
    public static async Task<int> RunAsync(Uri address, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var (exit, response) = await new OperatorCall(address, console).RunAsync(
            "ListHosts", (client, options) => client.ListHostsAsync(new ListHostsRequest(), options), cancellationToken);
        if (response is null)
        {
            return exit;
        }

        // Ages are measured by the aggregator's clock, so a skewed local clock cannot distort them.
        DateTimeOffset serverTime = response.ServerTime?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow;
        string text = json
            ? JsonSerializer.Serialize(HostListDocument.From(response.Hosts, serverTime), HostJsonContext.Default.HostListDocument) + "\n"
            : HostTable.Render(response.Hosts, serverTime);
        await console.Out.WriteAsync(text);
        return ExitCodes.Ok;
    }
}
