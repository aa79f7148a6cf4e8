using System.Text.Json;
using Grpc.Core;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Formatting;

namespace Warden.Tui.Cli;

/// <summary>`warden hosts`: one ListHosts call, printed as a table or JSON.</summary>
internal static class HostsCommand
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Uri address, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        using var channel = OperatorChannel.Create(address);
        var client = new Operator.OperatorClient(channel);

        ListHostsResponse response;
        try
        {
            response = await client.ListHostsAsync(
                new ListHostsRequest(),
                deadline: DateTime.UtcNow + CallTimeout,
                cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            await console.Error.WriteLineAsync($"warden: aggregator unreachable at {address.OriginalString}: {RpcFailure.Describe(ex)}");
            return ExitCodes.Unreachable;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            await console.Error.WriteLineAsync($"warden: the aggregator at {address.OriginalString} does not serve ListHosts: {RpcFailure.Describe(ex)}");
            return ExitCodes.NotSupported;
        }
        catch (RpcException ex)
        {
            await console.Error.WriteLineAsync($"warden: ListHosts failed at {address.OriginalString}: {RpcFailure.Describe(ex)}");
            return ExitCodes.Failure;
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
