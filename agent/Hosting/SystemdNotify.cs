using System.Net.Sockets;
using System.Text;

namespace Warden.Agent.Hosting;

/// <summary>
/// sd_notify(3) without libsystemd: a datagram to $NOTIFY_SOCKET ("READY=1", "STOPPING=1"), so a
/// Type=notify unit knows when the agent runs. Outside systemd (no NOTIFY_SOCKET) it does nothing.
/// </summary>
internal static class SystemdNotify
{
    /// <summary>Sends <paramref name="state"/>; false when there is no socket or it could not be reached.</summary>
    public static bool Send(string state, string? socketPath = null)
    {
        var path = socketPath ?? Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }
        // A leading '@' names a socket in the abstract namespace.
        var endpoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.UTF8.GetBytes(state), endpoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
