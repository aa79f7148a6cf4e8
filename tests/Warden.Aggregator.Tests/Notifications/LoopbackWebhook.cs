using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Warden.Aggregator.Tests.Notifications;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, any free port): records each POST and answers with the next scripted status (200 once the script is used up).
/// </summary>
internal sealed class LoopbackWebhook : IAsyncDisposable
{
    /// <summary>A scripted status that never answers, until the client gives up.</summary>
    public const int Hang = -1;

    private readonly WebApplication _app;
    private readonly Channel<WebhookRequest> _requests = Channel.CreateUnbounded<WebhookRequest>();
    private readonly Queue<int> _statuses;

    private LoopbackWebhook(IEnumerable<int> statuses)
    {
        _statuses = new Queue<int>(statuses);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hook", HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request so far, including refused ones.</summary>
    public List<WebhookRequest> Received { get; } = [];

    public static async Task<LoopbackWebhook> StartAsync(params int[] statuses)
    {
        var hook = new LoopbackWebhook(statuses);
        await hook._app.StartAsync();
        hook.Url = new Uri(hook._app.Urls.First() + "/hook");
        return hook;
    }

    /// <summary>Waits (real time, bounded) for the next request.</summary>
    public async Task<WebhookRequest> NextAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(15));
        return await _requests.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out WebhookRequest request) => _requests.Reader.TryRead(out request!);

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        int status;
        WebhookRequest request;
        lock (_statuses)
        {
            status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
            request = new WebhookRequest(body.RootElement.Clone(), status, context.Request.Headers.ContentType.ToString(),
                context.Request.Headers.Authorization.ToString());
            Received.Add(request);
        }
        _requests.Writer.TryWrite(request);
        if (status == Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status == 200 ? "ok" : "receiver is having a bad day");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record WebhookRequest(JsonElement Body, int Status, string ContentType, string Authorization)
{
    public IEnumerable<string> IncidentIds => Body.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("incidentId").GetString()!);
}
