using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Warden.Aggregator.Tests.Notifications;

/// <summary>
/// A real SMTP listener on 127.0.0.1 speaking enough of RFC 5321 for a relay client: greeting,
/// EHLO/HELO, MAIL, RCPT, DATA (dot-unstuffed), RSET, NOOP, QUIT. It never offers STARTTLS.
/// <see cref="RefuseMail"/> makes it answer MAIL FROM with 550.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<ReceivedMail> _mails = Channel.CreateUnbounded<ReceivedMail>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<ReceivedMail> _received = [];

    public LoopbackSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool RefuseMail { get; set; }

    /// <summary>Every mail accepted so far, in order.</summary>
    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public async Task<ReceivedMail> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _mails.Reader.ReadAsync(timeout.Token);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 loopback.test ESMTP");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-loopback.test\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 loopback.test");
                    break;
                case "MAIL":
                    from = RefuseMail ? null : line[(line.IndexOf(':') + 1)..].Trim();
                    await writer.WriteLineAsync(RefuseMail ? "550 5.7.1 relaying denied for this test" : "250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':') + 1)..].Trim());
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = await ReadDataAsync(reader);
                    var mail = new ReceivedMail(from ?? "", [.. to], data);
                    lock (_received)
                    {
                        _received.Add(mail);
                    }
                    _mails.Writer.TryWrite(mail);
                    to.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync(verb is "RSET" or "NOOP" ? "250 OK" : "502 not implemented");
                    break;
            }
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append('\n');
        }
        return data.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

internal sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The text body, decoded when it came as base64.</summary>
    public string Body
    {
        get
        {
            var split = Data.IndexOf("\n\n", StringComparison.Ordinal);
            var body = split < 0 ? "" : Data[(split + 2)..];
            return Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)))
                : body;
        }
    }

    /// <summary>A header's value, unfolded (RFC 5322 folds long ones onto indented lines).</summary>
    public string Header(string name)
    {
        var unfolded = Data[..Math.Max(0, Data.IndexOf("\n\n", StringComparison.Ordinal))].Replace("\n ", " ", StringComparison.Ordinal);
        return unfolded.Split('\n').FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))?[(name.Length + 2)..] ?? "";
    }
}
