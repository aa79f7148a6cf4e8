using Grpc.Net.Client;

namespace Warden.Tui.Client;

/// <summary>Opens the gRPC channel to the aggregator's Operator service.</summary>
internal static class OperatorChannel
{
    // A dead address should fail in seconds, not after the OS's multi-minute SYN retries.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static GrpcChannel Create(Uri address)
    {
        // http:// gets HTTP/2 with prior knowledge (h2c), which is what the aggregator serves.
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            EnableMultipleHttp2Connections = true,
            // Notice a silently dead peer on the long-lived WatchHosts stream.
            KeepAlivePingDelay = TimeSpan.FromSeconds(20),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
