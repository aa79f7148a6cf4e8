using System.Net.Http;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warden.Agent.Configuration;
using Warden.Agent.Sensing;
using Warden.Agent.State;
using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>
/// Keeps one bidirectional stream to an aggregator: Hello, then every pending record in sequence
/// order, forgetting a record only when its Ack arrives. On any failure it moves to the next
/// endpoint after a capped, jittered backoff and resends everything not yet acknowledged.
/// </summary>
internal sealed class AggregatorLink : BackgroundService
{
    private static readonly TimeSpan WelcomeTimeout = TimeSpan.FromSeconds(15);
    private readonly AgentOptions _options;
    private readonly AgentIdentity _identity;
    private readonly PendingRecords _pending;
    private readonly SequenceCounter _sequence;
    private readonly HostSensor _sensor;
    private readonly AgentCommands _commands;
    private readonly TimeProvider _time;
    private readonly ILogger<AggregatorLink> _logger;
    private readonly LinkStatus _link;

    public AggregatorLink(AgentOptions options, AgentIdentity identity, PendingRecords pending, SequenceCounter sequence,
        HostSensor sensor, AgentCommands commands, LinkStatus link, TimeProvider time, ILogger<AggregatorLink> logger)
    {
        _link = link;
        _options = options;
        _identity = identity;
        _pending = pending;
        _sequence = sequence;
        _sensor = sensor;
        _commands = commands;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(
            TimeSpan.FromSeconds(_options.Aggregator.ReconnectMinSeconds),
            TimeSpan.FromSeconds(_options.Aggregator.ReconnectMaxSeconds),
            Random.Shared);
        var endpoints = _options.Aggregator.Endpoints;
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            var endpoint = endpoints[attempt % endpoints.Length];
            string reason;
            try
            {
                await RunStreamAsync(endpoint, backoff, stoppingToken);
                reason = "the aggregator closed the stream";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e)
            {
                reason = $"{e.StatusCode}: {e.Status.Detail}";
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException or TimeoutException)
            {
                reason = e.Message;
            }
            var delay = backoff.NextDelay();
            _link.Disconnected(endpoint, reason, _time.GetUtcNow());
            Log.Disconnected(_logger, endpoint, reason, delay);
            try
            {
                await Task.Delay(delay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunStreamAsync(string endpoint, ReconnectBackoff backoff, CancellationToken stoppingToken)
    {
        using var channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                KeepAlivePingDelay = TimeSpan.FromSeconds(20),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
            MaxReceiveMessageSize = 4 * 1024 * 1024,
        });
        var client = new AgentLink.AgentLinkClient(channel);
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var call = client.Connect(cancellationToken: streamCts.Token);

        var hello = _identity.ToHello(_pending.LastAcknowledged, _sensor.OnlineCpus, _sensor.BootTimeUnixSeconds);
        await call.RequestStream.WriteAsync(new AgentMessage { Hello = hello }, streamCts.Token);

        var welcome = await ReadWelcomeAsync(call.ResponseStream, streamCts.Token);
        var wasKnown = _sequence.IsKnown;
        // Above the spool too: a counter lost beside a kept spool must not reuse the spooled numbers.
        _sequence.EnsureAbove(Math.Max(welcome.LastStoredSequence, _pending.HighestSpooled));
        if (!wasKnown)
        {
            Log.SequenceSeeded(_logger, welcome.LastStoredSequence);
        }
        _pending.NumberUnnumbered();
        backoff.Reset();
        _link.Connected(endpoint, _time.GetUtcNow());
        Log.Connected(_logger, endpoint, welcome.LastStoredSequence, _pending.Count);

        var results = new Queue<CommandResult>();
        var wake = new ChangeSignal();
        var reader = ReadAsync(call.ResponseStream, results, wake, streamCts.Token);
        try
        {
            await WriteAsync(call.RequestStream, results, wake, reader, streamCts.Token);
        }
        finally
        {
            await streamCts.CancelAsync();
            try
            {
                await reader;
            }
            catch (Exception) when (streamCts.IsCancellationRequested)
            {
                // The reader ends with the stream; its own failure, if any, surfaced through WriteAsync.
            }
        }
    }

    private async Task<Welcome> ReadWelcomeAsync(IAsyncStreamReader<AggregatorMessage> responses, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(WelcomeTimeout);
        try
        {
            if (!await responses.MoveNext(timeout.Token))
            {
                throw new InvalidOperationException("the aggregator ended the stream before its Welcome");
            }
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            throw new TimeoutException($"no Welcome from the aggregator within {WelcomeTimeout.TotalSeconds} s");
        }
        if (responses.Current.BodyCase != AggregatorMessage.BodyOneofCase.Welcome)
        {
            throw new InvalidOperationException($"the aggregator sent {responses.Current.BodyCase} before its Welcome");
        }
        return responses.Current.Welcome;
    }

    private async Task WriteAsync(IClientStreamWriter<AgentMessage> requests, Queue<CommandResult> results,
        ChangeSignal wake, Task reader, CancellationToken token)
    {
        ulong lastSent = 0;
        while (true)
        {
            var changed = _pending.Changed;
            var resultsArrived = wake.Next;
            // The spool is read back a batch at a time, so a long outage's backlog is never all in memory.
            List<AgentMessage> records;
            while ((records = _pending.NumberedAfter(lastSent)).Count > 0)
            {
                foreach (var record in records)
                {
                    await requests.WriteAsync(record, token);
                    lastSent = PendingRecords.Sequence(record);
                }
            }
            while (TryDequeue(results, out var result))
            {
                await requests.WriteAsync(new AgentMessage { CommandResult = result }, token);
            }
            var woke = await Task.WhenAny(changed, resultsArrived, reader).WaitAsync(token);
            if (woke == reader)
            {
                await reader; // rethrows the reader's failure, or returns when the aggregator closed
                return;
            }
        }
    }

    private async Task ReadAsync(IAsyncStreamReader<AggregatorMessage> responses, Queue<CommandResult> results,
        ChangeSignal wake, CancellationToken token)
    {
        while (await responses.MoveNext(token))
        {
            var message = responses.Current;
            switch (message.BodyCase)
            {
                case AggregatorMessage.BodyOneofCase.Ack:
                    _pending.Acknowledge(message.Ack.Sequence);
                    break;
                case AggregatorMessage.BodyOneofCase.Command:
                    var result = _commands.Execute(message.Command);
                    lock (results)
                    {
                        results.Enqueue(result);
                    }
                    wake.Raise();
                    break;
            }
        }
    }

    private static bool TryDequeue(Queue<CommandResult> results, out CommandResult result)
    {
        lock (results)
        {
            return results.TryDequeue(out result!);
        }
    }
}
