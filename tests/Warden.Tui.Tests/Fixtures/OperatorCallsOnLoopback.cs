using Grpc.Net.Client;
using Warden.Proto.V1;
using Warden.Tui.Client;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>The console's operator calls over a real gRPC channel to a server on loopback, as one operator.</summary>
internal sealed class OperatorCallsOnLoopback : IDisposable
{
    private readonly GrpcChannel _channel;

    public OperatorCallsOnLoopback(Uri address, string operatorName)
    {
        _channel = OperatorChannel.Create(address);
        Calls = new ConsoleOperator(new Operator.OperatorClient(_channel), operatorName);
    }

    public ConsoleOperator Calls { get; }

    public void Dispose() => _channel.Dispose();
}
