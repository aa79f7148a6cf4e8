using System.Net.Http;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warden.Agent.Configuration;
using Warden.Agent.Sensing;
using Warden.Agent.State;
using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>
/// Keeps one bidirectional stream to an aggregator: Hello, then every pending record in sequence
/// order (gzip-compressed), forgetting a record only when its Ack arrives. On any failure it moves to
/// the next endpoint after a capped, jittered backoff and resends everything not yet acknowledged;
/// on a later endpoint it tries the first one again after Aggregator:FailbackSeconds.
/// </summary>
internal sealed class AggregatorLink : BackgroundService
{
    private static readonly TimeSpan WelcomeTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
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
        var aggregator = _options.Aggregator;
        var backoff = new ReconnectBackoff(
            TimeSpan.FromSeconds(aggregator.ReconnectMinSeconds), TimeSpan.FromSeconds(aggregator.ReconnectMaxSeconds), Random.Shared);
        var rotation = new EndpointRotation(aggregator.Endpoints, TimeSpan.FromSeconds(aggregator.FailbackSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var endpoint = rotation.Current;
            string reason;
            try
            {
                if (await RunStreamAsync(endpoint, backoff, rotation.FailbackAfter, stoppingToken) == StreamEnd.FailBack)
                {
                    Log.FailingBack(_logger, endpoint, aggregator.Endpoints[0]);
                    _link.Disconnected(endpoint, "failing back to the first endpoint", _time.GetUtcNow());
                    rotation.FailBack();
                    continue;
                }
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
            rotation.Failed();
            var delay = backoff.NextDelay();
            _link.Disconnected(endpoint, reason, _time.GetUtcNow());
            Log.Disconnected(_logger, endpoint, reason, rotation.Current, delay);
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

    private async Task<StreamEnd> RunStreamAsync(string endpoint, ReconnectBackoff backoff, TimeSpan? failbackAfter, CancellationToken stoppingToken)
    {
        using var channel = LinkChannel.Create(endpoint, _options.Aggregator);
        var client = new AgentLink.AgentLinkClient(channel);
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var call = client.Connect(LinkChannel.CallOptions(_options.Aggregator, streamCts.Token));

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
        using var failback = failbackAfter is { } after ? new CancellationTokenSource(after, _time) : null;
        try
        {
            var end = await WriteAsync(call.RequestStream, results, wake, reader, failback?.Token, streamCts.Token);
            if (end == StreamEnd.FailBack)
            {
                await DrainAsync(call.RequestStream, reader, streamCts.Token);
            }
            return end;
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

    // Ends the stream from this side and waits a little for the Acks of what was sent, so failing
    // back does not send the same records to two aggregators.
    private async Task DrainAsync(IClientStreamWriter<AgentMessage> requests, Task reader, CancellationToken token)
    {
        await requests.CompleteAsync();
        try
        {
            await reader.WaitAsync(DrainTimeout, _time, token);
        }
        catch (TimeoutException)
        {
            // Unacknowledged records stay in the spool and go to the first endpoint.
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

    private async Task<StreamEnd> WriteAsync(IClientStreamWriter<AgentMessage> requests, Queue<CommandResult> results,
        ChangeSignal wake, Task reader, CancellationToken? failback, CancellationToken token)
    {
        var batchDelay = TimeSpan.FromMilliseconds(_options.Aggregator.BatchDelayMs);
        var failbackDue = Task.Delay(Timeout.Infinite, failback ?? CancellationToken.None);
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
            var woke = await Task.WhenAny(changed, resultsArrived, reader, failbackDue).WaitAsync(token);
            if (woke == reader)
            {
                await reader; // rethrows the reader's failure, or returns when the aggregator closed
                return StreamEnd.Closed;
            }
            if (woke == failbackDue && !token.IsCancellationRequested)
            {
                return StreamEnd.FailBack;
            }
            if (woke == changed && batchDelay > TimeSpan.Zero)
            {
                // A check transition and its heal, or a window and its events, usually come within
                // milliseconds of each other: wait that long so they leave in one burst.
                await Task.Delay(batchDelay, _time, token);
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

    private enum StreamEnd
    {
        Closed,
        FailBack,
    }

    private static bool TryDequeue(Queue<CommandResult> results, out CommandResult result)
    {
        lock (results)
        {
            return results.TryDequeue(out result!);
        }
    }
}
