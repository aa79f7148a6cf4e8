using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Services;

namespace Warden.Agent.Tests.Services;

public class TcpProbeTests
{
    [Fact]
    public async Task A_listening_port_is_up_with_a_latency()
    {
        using var listener = Listen();
        var probe = new TcpProbe("127.0.0.1", Port(listener), null, null, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await probe.ProbeAsync(default);

        Assert.True(result.Succeeded, result.Detail);
        Assert.InRange(result.Latency, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused()
    {
        int port;
        using (var closed = Listen())
        {
            port = Port(closed);
        }
        var probe = new TcpProbe("127.0.0.1", port, null, null, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await probe.ProbeAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal($"127.0.0.1:{port}: connection refused", result.Detail);
    }

    [Fact]
    public async Task Sends_and_finds_the_expected_answer_or_reports_its_absence()
    {
        using var listener = Listen();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var buffer = new byte[64];
                var read = await client.GetStream().ReadAsync(buffer);
                var answer = buffer.AsSpan(0, read).SequenceEqual("PING\r\n"u8) ? "+PONG\r\n"u8.ToArray() : "-ERR\r\n"u8.ToArray();
                await client.GetStream().WriteAsync(answer);
            }
        });

        var good = await new TcpProbe("127.0.0.1", Port(listener), "PING\r\n", "+PONG", TimeSpan.FromSeconds(10), TimeProvider.System).ProbeAsync(default);
        var bad = await new TcpProbe("127.0.0.1", Port(listener), "HELLO\r\n", "+PONG", TimeSpan.FromSeconds(10), TimeProvider.System).ProbeAsync(default);
        await server.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(good.Succeeded, good.Detail);
        Assert.False(bad.Succeeded);
        Assert.Contains("answered without \"+PONG\"", bad.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_that_never_answers_times_out_when_the_clock_passes_the_limit()
    {
        using var listener = Listen(); // the kernel completes the handshake; nobody ever reads or writes
        var time = new FakeTimeProvider();
        var probe = new TcpProbe("127.0.0.1", Port(listener), "PING\r\n", "+PONG", TimeSpan.FromSeconds(2), time);

        var pending = probe.ProbeAsync(default);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Succeeded);
        Assert.Contains("no answer within 2 s (timeout)", result.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Latency);
    }

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
