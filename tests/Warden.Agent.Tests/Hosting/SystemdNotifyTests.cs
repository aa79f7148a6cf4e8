using System.Net.Sockets;
using System.Text;
using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

public class SystemdNotifyTests
{
    [Fact]
    public void The_state_arrives_as_one_datagram_on_the_notify_socket()
    {
        using var scratch = TestTrees.Scratch();
        var path = Path.Combine(scratch.Path, "notify");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(path));
        systemd.ReceiveTimeout = 5000;

        Assert.True(SystemdNotify.Send("READY=1", path));

        var buffer = new byte[64];
        var length = systemd.Receive(buffer);
        Assert.Equal("READY=1", Encoding.UTF8.GetString(buffer, 0, length));
    }

    [Fact]
    public void Without_a_listening_socket_nothing_is_sent_and_nothing_throws()
    {
        using var scratch = TestTrees.Scratch();
        Assert.False(SystemdNotify.Send("READY=1", Path.Combine(scratch.Path, "nobody-listens")));
        Assert.False(SystemdNotify.Send("READY=1", ""));
    }
}
