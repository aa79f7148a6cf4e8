extern alias fleetsim;

using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using Warden.Aggregator.Api;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Notifications;
using Warden.Aggregator.Tests.Notifications;
using Warden.Proto.V1;
using fleetsim::Warden.FleetSim;

namespace Warden.Aggregator.Tests.Scenarios;

/// <summary>
/// One scenario's world: the aggregator in process on a fake clock, a real webhook receiver and a
/// real SMTP relay on loopback, and N simulated agents streaming to it over real gRPC. Time moves
/// a second at a time; every ShipInterval each host that is not silent ships a batch, and after
/// each second everything the second caused is applied: records acknowledged, the incident engine
/// settled, notices grouped and every message the receivers were sent delivered.
/// </summary>
internal sealed class ScenarioSite : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _limit = new(TimeSpan.FromSeconds(120)); // the whole scenario, on a busy machine
    private readonly List<string> _delivered = [];
    private DateTimeOffset _nextShip;
    private int _webhooksSeen;
    private int _mailsSeen;

    private ScenarioSite(FakeTimeProvider clock, ScenarioAggregator aggregator, LoopbackWebhook webhook, LoopbackSmtpServer mail, FleetSimulator fleet,
        TimeSpan shipInterval)
    {
        ShipInterval = shipInterval;
        Clock = clock;
        Aggregator = aggregator;
        Webhook = webhook;
        Mail = mail;
        Fleet = fleet;
        Operator = new Operator.OperatorClient(aggregator.Channel);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>How often every host that is not silent ships a batch (the agent's Sampling:ShipIntervalSeconds).</summary>
    public TimeSpan ShipInterval { get; }

    public ScenarioAggregator Aggregator { get; }

    public LoopbackWebhook Webhook { get; }

    public LoopbackSmtpServer Mail { get; }

    public FleetSimulator Fleet { get; }

    public Operator.OperatorClient Operator { get; }

    public TimeSpan Elapsed => Clock.GetUtcNow() - T0;

    /// <summary>Every message the receivers got, as lines stamped with the scenario time it was delivered (DeliveredLines).</summary>
    public IReadOnlyList<string> Delivered => _delivered;

    /// <summary>The bodies of every webhook message so far, in order.</summary>
    public IReadOnlyList<JsonElement> WebhookBodies
    {
        get
        {
            lock (Webhook.Received)
            {
                return Webhook.Received.Select(r => r.Body).ToList();
            }
        }
    }

    /// <summary>
    /// Starts the site with <paramref name="hosts"/> connected agents named sim-00001.. that have
    /// each shipped one batch, at <see cref="T0"/>. The suite's notification setup: every notice to the
    /// "chat" webhook, P0 and P1 also mailed to ops; escalations mailed to on-call only, one group per incident.
    /// Groups wait 30 s, then send changes at most once a minute.
    /// </summary>
    public static async Task<ScenarioSite> StartAsync(int hosts, Action<AggregatorOptions>? configure = null, TimeSpan? shipInterval = null)
    {
        var interval = shipInterval ?? TimeSpan.FromSeconds(10);
        var clock = new FakeTimeProvider(T0);
        var webhook = await LoopbackWebhook.StartAsync();
        var mail = new LoopbackSmtpServer();
        var options = new AggregatorOptions { Notifications = Notifications(webhook.Url, mail.Port) };
        options.Metrics.Listen = "";
        configure?.Invoke(options);
        var aggregator = await ScenarioAggregator.StartAsync(options, clock);
        var fleet = new FleetSimulator(aggregator.Address, hosts, interval, time: clock);
        var site = new ScenarioSite(clock, aggregator, webhook, mail, fleet, interval);
        await fleet.ConnectAllAsync(site._limit.Token);
        await fleet.ShipRoundAsync(site._limit.Token);
        site._nextShip = T0 + interval;
        await site.SettleAsync();
        return site;
    }

    public SimulatedHost Host(int i) => Fleet.Hosts[i - 1];

    /// <summary>Moves the clock a second at a time; hosts ship on their interval; everything settles after each second.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await SettleAsync();
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            Clock.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            if (Clock.GetUtcNow() >= _nextShip)
            {
                await Fleet.ShipRoundAsync(_limit.Token);
                _nextShip += ShipInterval;
            }
            await SettleAsync();
        }
    }

    /// <summary>
    /// Waits (real time, bounded) until what the agents sent is acknowledged, the engine has applied
    /// it, the dispatcher has grouped what the engine handed over, and every receiver has its messages.
    /// </summary>
    public async Task SettleAsync()
    {
        await Fleet.WaitAllAckedAsync(_limit.Token);
        await Aggregator.Engine.FlushAsync().WaitAsync(_limit.Token);
        await Aggregator.Dispatcher.WhenHandledAsync().WaitAsync(_limit.Token);
        var deadline = DateTime.UtcNow + DeliveryLimit;
        while (!Aggregator.Dispatcher.DeliveriesIdle)
        {
            Assert.True(DateTime.UtcNow < deadline, $"receivers still busy after {DeliveryLimit.TotalSeconds} s at {Elapsed}");
            await Task.Delay(TimeSpan.FromMilliseconds(2), _limit.Token);
        }
        var webhooks = WebhookBodies;
        _delivered.AddRange(webhooks.Skip(_webhooksSeen).Select(b => DeliveredLines.Webhook(Elapsed, b)));
        _webhooksSeen = webhooks.Count;
        var mails = Mail.Received;
        _delivered.AddRange(mails.Skip(_mailsSeen).Select(m => DeliveredLines.Mail(Elapsed, m)));
        _mailsSeen = mails.Count;
    }

    public async Task<List<string>> IncidentLinesAsync() => (await IncidentsAsync()).Select(DeliveredLines.Incident).ToList();

    public async Task<List<IncidentSummary>> IncidentsAsync()
    {
        var filter = new IncidentFilter { States = { IncidentState.Open, IncidentState.Acknowledged, IncidentState.Resolved } };
        var list = await Operator.ListIncidentsAsync(new ListIncidentsRequest { Filter = filter }, cancellationToken: _limit.Token);
        return list.Incidents.OrderBy(i => i.Id).ToList();
    }

    public async Task<IncidentDetail> DetailAsync(ulong id) =>
        await Operator.GetIncidentAsync(new GetIncidentRequest { Id = id }, cancellationToken: _limit.Token);

    /// <summary>The incident's audit trail, oldest first, as (actor, action).</summary>
    public async Task<List<(string Actor, string Action)>> AuditAsync(ulong incidentId)
    {
        var audit = await Operator.ListAuditAsync(new ListAuditRequest { IncidentId = incidentId }, cancellationToken: _limit.Token);
        return audit.Entries.Reverse().Select(e => (e.Actor, e.Action)).ToList(); // the API lists newest first
    }

    public static Metadata As(string user) => new() { { OperatorIdentity.MetadataKey, user } };

    private static NotificationOptions Notifications(Uri webhook, int smtpPort) => new()
    {
        Receivers = new Dictionary<string, ReceiverOptions>(StringComparer.Ordinal)
        {
            ["chat"] = new() { Webhook = new WebhookReceiverOptions { Url = webhook.ToString() }, TimeoutSeconds = 30 },
            ["ops"] = MailTo(smtpPort, "ops@site.test"),
            ["oncall"] = MailTo(smtpPort, "oncall@site.test"),
        },
        Routes =
        [
            new RouteOptions { Kinds = ["Escalated"], MinEscalationLevel = 1, Receivers = ["oncall"], GroupBy = ["incident"], GroupWaitSeconds = 0 },
            new RouteOptions { Severities = ["P0", "P1"], Receivers = ["chat", "ops"] },
        ],
        DefaultReceivers = ["chat"],
        GroupWaitSeconds = 30,
        GroupIntervalSeconds = 60,
        RepeatIntervalSeconds = 3600,
    };

    private static ReceiverOptions MailTo(int port, string to) => new()
    {
        Smtp = new SmtpReceiverOptions { Host = "127.0.0.1", Port = port, From = "warden@site.test", To = [to] },
        TimeoutSeconds = 30,
    };

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        await Aggregator.DisposeAsync();
        await Mail.DisposeAsync();
        await Webhook.DisposeAsync();
        _limit.Dispose();
    }
}
