using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

/// <summary>The notifications go through a real unix datagram socket, as systemd's would.</summary>
public sealed class SystemdServiceTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public SystemdServiceTests()
    {
        _systemd.Bind(new UnixDomainSocketEndPoint(_dir.File("notify")));
        _systemd.ReceiveTimeout = 10_000;
    }

    [Fact]
    public void No_notify_socket_means_no_notifier_and_a_watchdog_for_another_pid_is_ignored()
    {
        Assert.Null(SystemdNotifier.FromEnvironment(_ => null));
        Assert.Null(SystemdNotifier.FromEnvironment(name => name == "NOTIFY_SOCKET" ? "vsock:2:1" : null));
        Assert.Null(SystemdNotifier.WatchdogPeriod(Env(("WATCHDOG_USEC", "3000000"), ("WATCHDOG_PID", "1")), processId: 42));
        Assert.Null(SystemdNotifier.WatchdogPeriod(Env(("WATCHDOG_USEC", "soon")), processId: 42));
        Assert.Equal(TimeSpan.FromSeconds(3), SystemdNotifier.WatchdogPeriod(Env(("WATCHDOG_USEC", "3000000"), ("WATCHDOG_PID", "42")), 42));
    }

    [Fact]
    public void Watchdog_pings_go_out_only_while_the_sensing_loop_moves()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", _dir.File("notify"))))!;
        DateTimeOffset? lastSensed = _time.GetUtcNow();
        var service = Service(notifier, TimeSpan.FromSeconds(10), () => lastSensed);

        Assert.True(service.Tick());
        Assert.Equal("WATCHDOG=1", Receive());

        _time.Advance(TimeSpan.FromSeconds(11)); // sensing stopped 11 s ago: past WatchdogSec
        Assert.False(service.Tick());
        Assert.Equal(0, _systemd.Available);

        lastSensed = _time.GetUtcNow();
        Assert.True(service.Tick());
        Assert.Equal("WATCHDOG=1", Receive());
    }

    [Fact]
    public void A_slow_sense_interval_is_not_mistaken_for_a_hang()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", _dir.File("notify"))))!;
        var sensed = _time.GetUtcNow();
        var service = Service(notifier, TimeSpan.FromSeconds(10), () => sensed, senseInterval: TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(45));
        Assert.True(service.Tick());
        Assert.Equal("WATCHDOG=1", Receive());
    }

    [Fact]
    public async Task Ready_is_sent_once_the_host_has_started_and_stopping_when_it_stops()
    {
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", _dir.File("notify"))))!;
        using var lifetime = new ServiceLifetime();
        var service = Service(notifier, null, () => _time.GetUtcNow(), lifetime: lifetime);
        await service.StartAsync(CancellationToken.None);
        Assert.Equal(0, _systemd.Available);
        lifetime.NotifyStarted();
        Assert.StartsWith("READY=1\n", Receive(), StringComparison.Ordinal);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal("STOPPING=1", Receive());
    }

    [Fact]
    public void A_socket_in_the_abstract_namespace_is_reached()
    {
        var name = "warden-test-" + Guid.NewGuid().ToString("N");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint("\0" + name));
        listener.ReceiveTimeout = 10_000;
        using var notifier = SystemdNotifier.FromEnvironment(Env(("NOTIFY_SOCKET", "@" + name)))!;
        notifier.Send("READY=1");
        var buffer = new byte[64];
        Assert.Equal("READY=1", Encoding.UTF8.GetString(buffer, 0, listener.Receive(buffer)));
    }

    private SystemdService Service(SystemdNotifier notifier, TimeSpan? watchdog, Func<DateTimeOffset?> lastSensed,
        TimeSpan? senseInterval = null, IHostApplicationLifetime? lifetime = null) =>
        new(notifier, watchdog, lastSensed, senseInterval ?? TimeSpan.FromSeconds(1), lifetime ?? new ServiceLifetime(), _time,
            NullLogger<SystemdService>.Instance);

    private string Receive()
    {
        var buffer = new byte[256];
        return Encoding.UTF8.GetString(buffer, 0, _systemd.Receive(buffer));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    public void Dispose()
    {
        _systemd.Dispose();
        _dir.Dispose();
    }
}
