using Grpc.Core;

namespace Warden.Tui.Client;

/// <summary>Words for a failed call: the gRPC status plus the socket-level cause, which says the most.</summary>
internal static class RpcFailure
{
    public static string Describe(RpcException ex)
    {
        // "Error connecting to subchannel." alone hides the useful part ("Connection refused").
        Exception? cause = ex.Status.DebugException;
        while (cause?.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        string[] parts = [ex.StatusCode.ToString(), ex.Status.Detail, cause?.Message ?? string.Empty];
        if (parts[2].Length > 0 && parts[1].Contains(parts[2], StringComparison.Ordinal))
        {
            parts[2] = string.Empty;
        }

        string detail = string.Join(' ', parts[1..].Where(p => p.Length > 0));
        return detail.Length == 0 ? parts[0] : $"{parts[0]}: {detail}";
    }
}
