using Grpc.Core;
using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Cli;

/// <summary>
/// One unary Operator RPC for a CLI command: opens the channel, sends the operator's name as
/// "warden-operator", and turns every failure into a message on stderr and an exit code scripts rely on.
/// </summary>
internal sealed class OperatorCall(Uri address, CliConsole console, string? operatorName = null, TimeSpan? timeout = null)
{
    public const string OperatorHeader = "warden-operator";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The operator's name: --as, else $USER; null lets the aggregator fall back to the peer address.</summary>
    public static string? OperatorName(string? flag, Func<string, string?> environment) =>
        flag ?? (environment("USER") is { Length: > 0 } user ? user : null);

    public async Task<(int Exit, T? Result)> RunAsync<T>(
        string rpc,
        Func<Operator.OperatorClient, CallOptions, AsyncUnaryCall<T>> call,
        CancellationToken cancellationToken)
        where T : class
    {
        using var channel = OperatorChannel.Create(address);
        var headers = new Metadata();
        if (operatorName is not null)
        {
            headers.Add(OperatorHeader, operatorName);
        }

        try
        {
            var options = new CallOptions(headers, DateTime.UtcNow + (timeout ?? DefaultTimeout), cancellationToken);
            return (ExitCodes.Ok, await call(new Operator.OperatorClient(channel), options));
        }
        catch (RpcException ex)
        {
            int exit = ExitFor(ex.StatusCode);
            await console.Error.WriteLineAsync(Message(rpc, exit, ex));
            return (exit, null);
        }
    }

    private static int ExitFor(StatusCode status) => status switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => ExitCodes.Unreachable,
        StatusCode.Unimplemented => ExitCodes.NotSupported,
        StatusCode.NotFound => ExitCodes.NotFound,
        StatusCode.InvalidArgument => ExitCodes.Usage,
        _ => ExitCodes.Failure,
    };

    private string Message(string rpc, int exit, RpcException ex)
    {
        string where = address.OriginalString, detail = RpcFailure.Describe(ex);
        return exit switch
        {
            ExitCodes.Unreachable => $"warden: aggregator unreachable at {where}: {detail}",
            ExitCodes.NotSupported => $"warden: {rpc} is not served by the aggregator at {where}: {detail}",
            ExitCodes.NotFound => $"warden: not found: {ex.Status.Detail}",
            ExitCodes.Usage => $"warden: {rpc} refused the request: {ex.Status.Detail}",
            _ when ex.StatusCode == StatusCode.FailedPrecondition => $"warden: {rpc} refused: {ex.Status.Detail}",
            _ => $"warden: {rpc} failed at {where}: {detail}",
        };
    }
}
