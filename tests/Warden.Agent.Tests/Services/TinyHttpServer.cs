using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Warden.Agent.Tests.Services;

/// <summary>
/// An HTTP/1.1 responder on 127.0.0.1 over a bare TcpListener: answers every request with one
/// status and body, closing the connection. With a gate, it holds each answer until released, so a
/// test can move a fake clock while the request is in flight.
/// </summary>
internal sealed class TinyHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _requestSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource? _gate;

    public TinyHttpServer(int status, string body, bool gated = false)
    {
        _gate = gated ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        _listener.Start();
        _ = ServeAsync(status, body);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/health");

    public Task RequestSeen => _requestSeen.Task;

    public void Release() => _gate?.TrySetResult();

    private async Task ServeAsync(int status, string body)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return; // stopped
            }
            using (client)
            {
                try
                {
                    await AnswerAsync(client.GetStream(), status, body);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
                {
                    // A client that went away (a bare TCP probe) does not stop the server.
                }
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream, int status, string body)
    {
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }
            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        _requestSeen.TrySetResult();
        if (_gate is not null)
        {
            await _gate.Task.WaitAsync(_stop.Token);
        }
        var content = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} Status{status}\r\nContent-Type: text/plain\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.WriteAsync(content, _stop.Token);
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _stop.Cancel();
        _listener.Stop();
    }
}
