using System.Net;
using System.Net.Sockets;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>
/// A TCP proxy on 127.0.0.1 between an agent and an aggregator that can drop its connections or
/// stall them mid-transfer: bytes stop flowing both ways but the sockets stay open, as when a
/// firewall or a NAT silently loses a flow. New connections are forwarded normally.
/// </summary>
internal sealed class TcpFaultProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Link> _links = [];
    private readonly Task _accepting;

    public TcpFaultProxy(string targetAddress)
    {
        var uri = new Uri(targetAddress);
        _target = new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port);
        _listener.Start();
        Address = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string Address { get; }

    /// <summary>Bytes forwarded from clients to the target, over every connection.</summary>
    public long BytesUp => Interlocked.Read(ref _bytesUp);

    public int Connections
    {
        get { lock (_links) { return _links.Count; } }
    }

    private long _bytesUp;

    /// <summary>Resets every open connection (both sides see it closed at once).</summary>
    public void DropAll()
    {
        foreach (var link in Take())
        {
            link.Close();
        }
    }

    /// <summary>
    /// Freezes each open connection once it has forwarded <paramref name="bytes"/> more bytes towards
    /// the target, so the stall cuts a message in half rather than falling between two.
    /// </summary>
    public void StallMidTransfer(int bytes)
    {
        lock (_links)
        {
            foreach (var link in _links)
            {
                link.StallAfter = bytes;
            }
        }
    }

    private List<Link> Take()
    {
        lock (_links)
        {
            var links = _links.ToList();
            _links.Clear();
            return links;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(_target, _stop.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                client.Close(0); // the target is down: refuse, as it would
                server.Dispose();
                continue;
            }
            var link = new Link(client, server);
            lock (_links)
            {
                _links.Add(link);
            }
            _ = Pump(link, client, server, up: true);
            _ = Pump(link, server, client, up: false);
        }
    }

    private async Task Pump(Link link, Socket from, Socket to, bool up)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0 || link.Stalled)
                {
                    break;
                }
                if (up && link.StallAfter is { } allowance && allowance <= n)
                {
                    await to.SendAsync(buffer.AsMemory(0, allowance), SocketFlags.None, _stop.Token);
                    Interlocked.Add(ref _bytesUp, allowance);
                    link.Stalled = true;
                    break;
                }
                if (up && link.StallAfter is not null)
                {
                    link.StallAfter -= n;
                }
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
                if (up)
                {
                    Interlocked.Add(ref _bytesUp, n);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        if (!link.Stalled)
        {
            link.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var link in Take())
        {
            link.Close();
        }
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Link(Socket client, Socket server)
    {
        public volatile bool Stalled;

        /// <summary>Bytes still to forward towards the target before stalling; null when not armed.</summary>
        public int? StallAfter { get; set; }

        public void Close()
        {
            client.Close(0);
            server.Close(0);
        }
    }
}
