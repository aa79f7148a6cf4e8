using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Warden.Agent.Hosting;

/// <summary>
/// sd_notify(3) without libsystemd: one datagram per state change ("READY=1", "WATCHDOG=1",
/// "STOPPING=1") to the unix socket systemd names in $NOTIFY_SOCKET; a leading '@' is the abstract
/// namespace. Only plain sockets and managed code, so it works under Native AOT.
/// </summary>
internal sealed class SystemdNotifier : IDisposable
{
    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _target;

    private SystemdNotifier(string socketPath)
    {
        SocketPath = socketPath;
        _target = new UnixDomainSocketEndPoint(socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    public string SocketPath { get; }

    /// <summary>The notifier systemd asked for, or null when the agent was not started as Type=notify.</summary>
    public static SystemdNotifier? FromEnvironment(Func<string, string?> environment)
    {
        var path = environment("NOTIFY_SOCKET");
        return path is { Length: > 1 } && path[0] is '/' or '@' ? new SystemdNotifier(path) : null;
    }

    /// <summary>
    /// The watchdog period systemd expects pings within ($WATCHDOG_USEC), or null when none is set or
    /// it is meant for another process ($WATCHDOG_PID).
    /// </summary>
    public static TimeSpan? WatchdogPeriod(Func<string, string?> environment, int processId)
    {
        if (environment("WATCHDOG_PID") is { Length: > 0 } pid
            && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) || owner != processId))
        {
            return null;
        }
        return ulong.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec)
            : null;
    }

    /// <exception cref="SocketException">The socket is gone or refuses the datagram.</exception>
    public void Send(string state) => _socket.SendTo(Encoding.UTF8.GetBytes(state), _target);

    public void Dispose() => _socket.Dispose();
}
