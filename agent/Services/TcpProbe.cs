using System.Net.Sockets;
using System.Text;

namespace Warden.Agent.Services;

/// <summary>
/// Connects to host:port within a time limit and measures how long it took. With Send, writes those
/// bytes once connected; with Expect, reads until the bytes received contain it (or the peer closes,
/// or 64 KiB arrive, or time runs out). Latency is connect (and exchange) time on the given clock.
/// </summary>
internal sealed class TcpProbe(string host, int port, string? send, string? expect, TimeSpan timeout, TimeProvider time)
{
    private const int MaxReceive = 64 * 1024;
    private readonly byte[]? _send = string.IsNullOrEmpty(send) ? null : Encoding.UTF8.GetBytes(send);
    private readonly byte[]? _expect = string.IsNullOrEmpty(expect) ? null : Encoding.UTF8.GetBytes(expect);

    public string Target => $"{host}:{port}";

    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        // Started before the first await, so a test's clock can move as soon as this returns.
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var started = time.GetTimestamp();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
            if (_send is not null)
            {
                await socket.SendAsync(_send, SocketFlags.None, linked.Token).ConfigureAwait(false);
            }
            if (_expect is not null && !await ReceiveExpectedAsync(socket, _expect, linked.Token).ConfigureAwait(false))
            {
                return ProbeResult.Down(time.GetElapsedTime(started), $"{Target} answered without \"{expect}\"");
            }
            return ProbeResult.Up(time.GetElapsedTime(started), $"{Target} connected");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Down(time.GetElapsedTime(started), $"{Target}: no answer within {timeout.TotalSeconds:0.###} s (timeout)");
        }
        catch (SocketException e)
        {
            return ProbeResult.Down(time.GetElapsedTime(started), $"{Target}: {Describe(e.SocketErrorCode, e.Message)}");
        }
    }

    private static async Task<bool> ReceiveExpectedAsync(Socket socket, byte[] expected, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(4096, expected.Length * 2)];
        var total = 0;
        while (total < MaxReceive)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(MaxReceive, buffer.Length * 2));
            }
            var read = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }
            total += read;
            if (buffer.AsSpan(0, total).IndexOf(expected) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    internal static string Describe(SocketError error, string message) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "unreachable",
        SocketError.ConnectionReset => "connection reset",
        SocketError.TimedOut => "timeout",
        _ => message,
    };
}
