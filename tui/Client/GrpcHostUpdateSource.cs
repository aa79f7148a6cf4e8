using System.Runtime.CompilerServices;
using Grpc.Core;
using Warden.Proto.V1;

namespace Warden.Tui.Client;

internal sealed class GrpcHostUpdateSource(Operator.OperatorClient client) : IHostUpdateSource
{
    public async IAsyncEnumerable<HostUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using AsyncServerStreamingCall<HostUpdate> call = client.WatchHosts(new WatchHostsRequest(), cancellationToken: cancellationToken);
        await foreach (HostUpdate update in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return update;
        }
    }
}
