using Warden.Agent.Configuration;
using Warden.Agent.Streaming;

namespace Warden.Agent.Tests.Streaming;

public class LinkChannelTests
{
    [Fact]
    public void The_stream_asks_grpc_to_gzip_every_message_by_default()
    {
        var call = LinkChannel.CallOptions(new AggregatorOptions(), CancellationToken.None);
        Assert.Equal("gzip", call.Headers!.GetValue(LinkChannel.RequestEncodingHeader));
    }

    [Fact]
    public void Compression_none_sends_identity()
    {
        var call = LinkChannel.CallOptions(new AggregatorOptions { Compression = "none" }, CancellationToken.None);
        Assert.Null(call.Headers!.GetValue(LinkChannel.RequestEncodingHeader));
    }
}
