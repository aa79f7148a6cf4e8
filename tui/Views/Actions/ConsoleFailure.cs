using Grpc.Core;
using Warden.Tui.Client;

namespace Warden.Tui.Views.Actions;

/// <summary>
/// Words for a console call that failed, short enough for the status line: the aggregator's own
/// refusal as it said it, else "aggregator unreachable" first, so it shows even when the rest is cut.
/// </summary>
internal static class ConsoleFailure
{
    /// <summary>The failures a console call can meet; anything else is a bug and may crash.</summary>
    public static bool Expected(Exception ex) =>
        ex is RpcException or OperationCanceledException or HttpRequestException or InvalidOperationException;

    public static string Describe(Exception ex) => ex switch
    {
        RpcException { StatusCode: StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.InvalidArgument } rpc => rpc.Status.Detail,
        RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } rpc => $"aggregator unreachable ({RpcFailure.Describe(rpc)})",
        RpcException { StatusCode: StatusCode.Unimplemented } rpc => $"not served by this aggregator ({RpcFailure.Describe(rpc)})",
        RpcException rpc => RpcFailure.Describe(rpc),
        _ => ex.Message,
    };
}
