using Grpc.Core;
using Warden.Tui.Client;

namespace Warden.Tui.Tests.Client;

public sealed class RpcFailureTests
{
    [Fact]
    public void Adds_the_socket_cause_that_the_status_detail_hides()
    {
        var ex = new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel.", new HttpRequestException("outer", new IOException("Connection refused"))));

        Assert.Equal("Unavailable: Error connecting to subchannel. Connection refused", RpcFailure.Describe(ex));
    }

    [Fact]
    public void An_empty_detail_leaves_just_the_status() =>
        Assert.Equal("Unimplemented", RpcFailure.Describe(new RpcException(new Status(StatusCode.Unimplemented, string.Empty))));
}
