using System.Net.Http;
using Grpc.Core;
using Grpc.Net.Client;
using Warden.Agent.Configuration;

namespace Warden.Agent.Streaming;

/// <summary>The HTTP/2 channel and call settings of the aggregator stream, from Aggregator:* options.</summary>
internal static class LinkChannel
{
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>grpc-dotnet's per-call switch for compressing what the client sends (grpc-encoding).</summary>
    public const string RequestEncodingHeader = "grpc-internal-encoding-request";

    public static GrpcChannel Create(string endpoint, AggregatorOptions options) =>
        GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                // Pings run while the stream is busy too: a path that stalls mid-batch is dropped
                // after delay + timeout instead of hanging on TCP retransmits for many minutes.
                KeepAlivePingDelay = TimeSpan.FromSeconds(options.KeepAlivePingDelaySeconds),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(options.KeepAlivePingTimeoutSeconds),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
            MaxReceiveMessageSize = MaxMessageBytes,
        });

    /// <summary>The stream's call options: gzip for every agent message unless Compression is "none".</summary>
    public static CallOptions CallOptions(AggregatorOptions options, CancellationToken token)
    {
        var headers = new Metadata();
        if (options.Gzip)
        {
            headers.Add(RequestEncodingHeader, "gzip");
        }
        return new CallOptions(headers, cancellationToken: token);
    }
}
