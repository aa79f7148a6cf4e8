using System.Net.Http.Headers;

namespace Warden.Aggregator.Notifications.Receivers;

/// <summary>POSTs the message's JSON document; any status outside 2xx is a failure.</summary>
internal sealed class WebhookReceiver : INotificationReceiver
{
    private const int BodyExcerptChars = 300;
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly Dictionary<string, string> _headers;

    public WebhookReceiver(WebhookReceiverOptions options)
    {
        // The per-attempt limit is the delivery pipeline's (on the injected clock), not HttpClient's.
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _url = new Uri(options.Url);
        _headers = options.Headers;
    }

    public string Kind => "webhook";

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Content = new ByteArrayContent(NotificationDocument.Serialize(message));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var excerpt = body.Length > BodyExcerptChars ? body[..BodyExcerptChars] + "..." : body;
            throw new ReceiverFailedException($"{_url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt.Trim()}");
        }
    }

    public void Dispose() => _client.Dispose();
}
