using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace Warden.Agent.Services;

/// <summary>
/// GETs a URL within a time limit and judges the answer: the status must lie in
/// [StatusMin, StatusMax] (redirects are not followed, so 3xx is an answer) and, when set, the first
/// 1 MiB of the body must contain a substring. TLS certificates are validated unless the target is
/// configured to skip it (for self-signed endpoints; the probe then proves only reachability).
/// Latency runs from sending the request to the end of the body on the given clock.
/// </summary>
internal sealed class HttpProbe : IDisposable
{
    private const int MaxBody = 1024 * 1024;
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly int _statusMin, _statusMax;
    private readonly byte[]? _body;
    private readonly string? _bodyText;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private byte[] _received = new byte[16 * 1024];

    public HttpProbe(Uri url, int statusMin, int statusMax, string? body, bool skipCertificateValidation, TimeSpan timeout, TimeProvider time)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = timeout,
            UseCookies = false,
            // A fresh connection now and then, so the probe also sees connect problems.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        if (skipCertificateValidation)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _url = url;
        _statusMin = statusMin;
        _statusMax = statusMax;
        _bodyText = string.IsNullOrEmpty(body) ? null : body;
        _body = _bodyText is null ? null : Encoding.UTF8.GetBytes(_bodyText);
        _timeout = timeout;
        _time = time;
    }

    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var started = _time.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _url);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var found = _body is null || await BodyContainsAsync(response, _body, linked.Token).ConfigureAwait(false);
            var latency = _time.GetElapsedTime(started);
            if (status < _statusMin || status > _statusMax)
            {
                return ProbeResult.Down(latency, $"HTTP {status} {response.ReasonPhrase}, expected {_statusMin}-{_statusMax}");
            }
            return found
                ? ProbeResult.Up(latency, $"HTTP {status}")
                : ProbeResult.Down(latency, $"HTTP {status} but the body lacks \"{_bodyText}\"");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Down(_time.GetElapsedTime(started), $"no answer within {_timeout.TotalSeconds:0.###} s (timeout)");
        }
        catch (HttpRequestException e)
        {
            var reason = e.InnerException switch
            {
                SocketException s => TcpProbe.Describe(s.SocketErrorCode, s.Message),
                { } inner => $"{e.Message} {inner.Message}",
                _ => e.Message,
            };
            return ProbeResult.Down(_time.GetElapsedTime(started), reason);
        }
    }

    /// <summary>Reads the body into a buffer kept between probes (grown up to 1 MiB) and searches it.</summary>
    private async Task<bool> BodyContainsAsync(HttpResponseMessage response, byte[] expected, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var total = 0;
            while (true)
            {
                if (total == _received.Length)
                {
                    if (total >= MaxBody)
                    {
                        break;
                    }
                    Array.Resize(ref _received, Math.Min(MaxBody, total * 2));
                }
                var read = await stream.ReadAsync(_received.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                total += read;
            }
            return _received.AsSpan(0, total).IndexOf(expected) >= 0;
        }
    }

    public void Dispose() => _client.Dispose();
}
