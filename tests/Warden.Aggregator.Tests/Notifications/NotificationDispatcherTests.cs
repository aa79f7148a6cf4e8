using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Warden.Aggregator.Notifications;
using static Warden.Aggregator.Tests.Notifications.NotificationTestBed;

namespace Warden.Aggregator.Tests.Notifications;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
/// <summary>The dispatcher end to end on a fake clock, delivering to real receivers on loopback.</summary>
public sealed class NotificationDispatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task A_storm_of_500_failures_becomes_three_webhook_messages_that_account_for_all_500()
    {
        await using var hook = await LoopbackWebhook.StartAsync();
        await using var bed = await StartAsync(OptionsFor(("ops", Webhook(hook.Url))));
        string[] checks = ["disk_space", "memory_available", "cpu_saturation"];

        await bed.EnqueueAsync([.. Enumerable.Range(0, 500).Select(i => Notice($"i{i:000}", check: checks[i % 3]))]);
        await bed.AdvanceAsync(Wait - TimeSpan.FromSeconds(1));
        Assert.False(hook.TryNext(out _), "nothing may be sent before the group wait");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(1));
        var messages = new[] { await hook.NextAsync(), await hook.NextAsync(), await hook.NextAsync() };

        var ids = messages.SelectMany(m => m.IncidentIds).ToList();
        Assert.Equal(500, ids.Count);
        Assert.Equal(500, ids.Distinct().Count());
        Assert.All(messages, m => Assert.Equal(1, m.Body.GetProperty("version").GetInt32()));
        Assert.All(messages, m => Assert.Equal("firing", m.Body.GetProperty("status").GetString()));
        Assert.Equal(checks.Order(), messages.Select(m => m.Body.GetProperty("groupLabels").GetProperty("check").GetString()).Order());
        Assert.Equal(500, bed.Counters.Accepted);
        await bed.DeliveredAsync("ops", 3);
        Assert.Equal(500, bed.Counters.Receiver("ops").NoticesSent);
        Assert.StartsWith("application/json", messages[0].ContentType, StringComparison.Ordinal);

        // Quiet groups send nothing at the next interval; the next change is the next message.
        await bed.AdvanceAsync(Interval);
        await bed.EnqueueAsync(Notice("i000", NoticeKind.Resolved, check: "disk_space", at: Start + Interval));
        await bed.AdvanceAsync(Interval);
        var resolvedOne = await hook.NextAsync();
        Assert.Equal(1, resolvedOne.Body.GetProperty("counts").GetProperty("resolved").GetInt32());
        Assert.Equal(166, resolvedOne.Body.GetProperty("counts").GetProperty("firing").GetInt32());
        Assert.Equal(4, hook.Received.Count);
    }

    [Fact]
    public async Task A_webhook_failing_twice_is_retried_with_doubling_backoff_then_delivered()
    {
        await using var hook = await LoopbackWebhook.StartAsync(503, 500);
        await using var bed = await StartAsync(OptionsFor(("ops", Webhook(hook.Url, maxAttempts: 5, backoffSeconds: 2))));
        // Arrival times on the fake clock show the backoff Polly waited between attempts.
        var clockAtArrival = new List<DateTimeOffset>();

        await bed.EnqueueAsync(Notice("a"));
        await bed.AdvanceAsync(Wait);
        await hook.NextAsync();
        clockAtArrival.Add(bed.Clock.GetUtcNow());
        await bed.PumpUntilAsync(hook.NextAsync(), TimeSpan.FromMilliseconds(250));
        clockAtArrival.Add(bed.Clock.GetUtcNow());
        var delivered = await bed.PumpUntilAsync(hook.NextAsync(), TimeSpan.FromMilliseconds(250));
        clockAtArrival.Add(bed.Clock.GetUtcNow());

        Assert.Equal(200, delivered.Status);
        Assert.Equal([503, 500, 200], hook.Received.Select(r => r.Status));
        Assert.InRange((clockAtArrival[1] - clockAtArrival[0]).TotalSeconds, 2, 4);
        Assert.InRange((clockAtArrival[2] - clockAtArrival[1]).TotalSeconds, 4, 6);
        await bed.DeliveredAsync("ops", 1);
        var counters = bed.Counters.Receiver("ops");
        Assert.Equal((2, 0), (counters.AttemptsFailed, counters.MessagesFailed));
        Assert.Contains(bed.Log.WithEvent(62), l => l.Contains("ops (webhook)", StringComparison.Ordinal) && l.Contains("HTTP 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_receiver_that_is_down_is_logged_and_counted_while_the_others_keep_delivering_and_it_is_tried_again()
    {
        var deadPort = FreeLoopbackPort();
        await using var smtp = new LoopbackSmtpServer();
        var mail = new ReceiverOptions { Smtp = new SmtpReceiverOptions { Host = "127.0.0.1", Port = smtp.Port, From = "warden@site.test", To = ["ops@site.test"] } };
        await using var bed = await StartAsync(OptionsFor(("down", Webhook(new Uri($"http://127.0.0.1:{deadPort}/hook"), maxAttempts: 2)), ("mail", mail)));

        await bed.EnqueueAsync(Notice("a"));
        await bed.AdvanceAsync(Wait);
        await smtp.NextAsync();
        await bed.DeliveredAsync("mail", 1);
        await bed.PumpUntilAsync(Until(() => bed.Counters.Receiver("down").MessagesFailed == 1), TimeSpan.FromMilliseconds(250));

        var failure = Assert.Single(bed.Log.WithEvent(63));
        Assert.Contains("down (webhook) failed after 2 attempts", failure, StringComparison.Ordinal);
        Assert.Contains("refused", failure, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LogLevel.Error, bed.Log.Lines.Single(l => l.EventId == 63).Level);

        // The mail receiver still gets the next change; the dead one's message is tried again.
        await bed.EnqueueAsync(Notice("b"));
        await bed.AdvanceAsync(Interval);
        var second = await smtp.NextAsync();
        Assert.Contains("host-b", second.Body, StringComparison.Ordinal);
        await bed.DeliveredAsync("mail", 2);
        await bed.PumpUntilAsync(Until(() => bed.Counters.Receiver("down").MessagesFailed == 2), TimeSpan.FromMilliseconds(250));
        Assert.Equal(4, bed.Counters.Receiver("down").AttemptsFailed);
        Assert.Equal(2, bed.Counters.Receiver("mail").MessagesSent);
    }

    [Fact]
    public async Task An_attempt_without_an_answer_is_cut_at_its_limit_logged_and_counted()
    {
        await using var hook = await LoopbackWebhook.StartAsync(LoopbackWebhook.Hang);
        await using var bed = await StartAsync(OptionsFor(("slow", Webhook(hook.Url, maxAttempts: 1))));

        await bed.EnqueueAsync(Notice("a"));
        await bed.AdvanceAsync(Wait);
        await hook.NextAsync();
        await bed.AdvanceAsync(TimeSpan.FromSeconds(30));
        await Until(() => bed.Counters.Receiver("slow").MessagesFailed == 1);

        Assert.Contains(bed.Log.WithEvent(63), l => l.Contains("slow (webhook) failed after 1 attempts", StringComparison.Ordinal)
            && l.Contains("no answer within 30 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_that_finds_its_receivers_queue_full_goes_back_to_its_group_logged_and_counted()
    {
        await using var hook = await LoopbackWebhook.StartAsync(LoopbackWebhook.Hang);
        var receiver = Webhook(hook.Url, maxAttempts: 1);
        receiver.QueueCapacity = 1;
        await using var bed = await StartAsync(OptionsFor(("slow", receiver)));

        // Three groups due at once: one in flight (hanging), one queued, the rest find the queue full.
        await bed.EnqueueAsync(Notice("a", check: "cpu"), Notice("b", check: "memory"), Notice("c", check: "disk"));
        await bed.AdvanceAsync(Wait);
        await hook.NextAsync();

        Assert.InRange(bed.Counters.Receiver("slow").MessagesRequeued, 1, 2);
        Assert.Contains(bed.Log.WithEvent(65), l => l.StartsWith("notification to slow, group check=", StringComparison.Ordinal)
            && l.Contains("queue is full (1 messages)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notices_from_many_threads_at_once_are_each_accepted_or_counted_as_dropped_and_all_accepted_are_sent()
    {
        await using var hook = await LoopbackWebhook.StartAsync();
        var options = OptionsFor(("ops", Webhook(hook.Url)));
        options.QueueCapacity = 3000;
        options.MaxNoticesPerGroup = 8000;
        await using var bed = await StartAsync(options);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            foreach (var i in Enumerable.Range(0, 1000))
            {
                bed.Dispatcher.Enqueue(Notice($"t{t}-{i}"));
            }
        })));
        await bed.Dispatcher.WhenHandledAsync();
        await bed.AdvanceAsync(Wait);
        var message = await hook.NextAsync();

        Assert.Equal(8000, bed.Counters.Accepted + bed.Counters.Dropped(DropReason.QueueFull));
        Assert.Equal(bed.Counters.Accepted, message.IncidentIds.Distinct().Count());
        Assert.Equal(0, message.Body.GetProperty("counts").GetProperty("dropped").GetInt32());
    }

    [Fact]
    public async Task Stopping_says_how_many_messages_were_not_delivered()
    {
        await using var hook = await LoopbackWebhook.StartAsync(LoopbackWebhook.Hang);
        await using var bed = await StartAsync(OptionsFor(("slow", Webhook(hook.Url, maxAttempts: 1))));

        await bed.EnqueueAsync(Notice("a", check: "cpu"), Notice("b", check: "memory"));
        await bed.AdvanceAsync(Wait);
        await hook.NextAsync();
        await bed.Dispatcher.StopAsync(CancellationToken.None);

        var line = Assert.Single(bed.Log.WithEvent(67));
        Assert.StartsWith("notifications stopping: 2 messages waiting for receivers are not delivered; 2 groups", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolve_of_an_incident_whose_firing_was_silenced_is_still_sent()
    {
        await using var hook = await LoopbackWebhook.StartAsync();
        await using var bed = await StartAsync(OptionsFor(("ops", Webhook(hook.Url))));

        await bed.EnqueueAsync(Notice("silenced", NoticeKind.Resolved));
        await bed.AdvanceAsync(Wait);
        var message = await hook.NextAsync();

        Assert.Equal("resolved", message.Body.GetProperty("status").GetString());
        var notice = message.Body.GetProperty("notices")[0];
        Assert.Equal("resolved", notice.GetProperty("kind").GetString());
        Assert.Equal(Start, notice.GetProperty("resolvedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Still_firing_groups_are_sent_again_after_the_repeat_interval()
    {
        await using var hook = await LoopbackWebhook.StartAsync();
        var options = OptionsFor(("ops", Webhook(hook.Url)));
        options.RepeatIntervalSeconds = 900;
        await using var bed = await StartAsync(options);

        await bed.EnqueueAsync(Notice("a"));
        await bed.AdvanceAsync(Wait);
        var first = await hook.NextAsync();
        await bed.DeliveredAsync("ops", 1);
        await bed.AdvanceAsync(Interval);
        await bed.AdvanceAsync(Interval);
        Assert.False(hook.TryNext(out _));
        await bed.AdvanceAsync(Interval);
        var repeat = await hook.NextAsync();

        Assert.False(first.Body.GetProperty("repeat").GetBoolean());
        Assert.True(repeat.Body.GetProperty("repeat").GetBoolean());
        Assert.Equal(["a"], repeat.IncidentIds);
    }

    [Fact]
    public async Task An_escalation_goes_to_the_pager_program_and_its_resolve_to_both_receivers()
    {
        using var dir = new ScratchDirectory();
        var pagerLog = dir.File("pager.jsonl");
        await using var hook = await LoopbackWebhook.StartAsync();
        var options = OptionsFor(("ops", Webhook(hook.Url)), ("pager", new ReceiverOptions { Exec = PagerScript(dir, pagerLog) }));
        options.DefaultReceivers = ["ops"];
        options.Routes = [new RouteOptions { Kinds = ["Escalated"], MinEscalationLevel = 1, Receivers = ["pager"] }];
        await using var bed = await StartAsync(options);

        await bed.EnqueueAsync(Notice("a", severity: "P1"));
        await bed.AdvanceAsync(Wait);
        Assert.Equal("firing", (await hook.NextAsync()).Body.GetProperty("notices")[0].GetProperty("kind").GetString());
        await bed.DeliveredAsync("ops", 1);
        await bed.EnqueueAsync(Notice("a", NoticeKind.Escalated, "P1", escalationLevel: 1, at: Start + Wait));
        await bed.AdvanceAsync(Wait);
        await bed.DeliveredAsync("pager", 1);
        await bed.EnqueueAsync(Notice("a", NoticeKind.Resolved, "P1", at: Start + Wait + Wait));
        await bed.AdvanceAsync(Interval);
        var opsResolved = await hook.NextAsync();
        await bed.DeliveredAsync("pager", 2);

        var pages = File.ReadAllLines(pagerLog).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["escalated", "resolved"], pages.Select(p => p.GetProperty("notices")[0].GetProperty("kind").GetString()));
        Assert.Equal("1", pages[0].GetProperty("notices")[0].GetProperty("labels").GetProperty("escalation_level").GetString());
        Assert.Equal("resolved", opsResolved.Body.GetProperty("status").GetString());
        Assert.Equal(2, hook.Received.Count);
    }

    [Fact]
    public async Task Enqueue_beyond_the_queue_capacity_drops_counts_and_logs_instead_of_blocking()
    {
        var options = OptionsFor();
        options.QueueCapacity = 10;
        var counters = new NotificationCounters();
        var log = new CapturedLog<NotificationDispatcher>();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
        await using var dispatcher = new NotificationDispatcher(options, clock, counters, log);

        // Not started yet: nothing drains the queue, so from the eleventh notice on it is full.
        foreach (var i in Enumerable.Range(0, 25))
        {
            dispatcher.Enqueue(Notice($"n{i}"));
        }
        await dispatcher.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.WhenHandledAsync();

        Assert.Equal(10, counters.Accepted);
        Assert.Equal(15, counters.Dropped(DropReason.QueueFull));
        Assert.Equal(25, log.WithEvent(60).Count());
        Assert.Contains(log.WithEvent(64), l => l.StartsWith("15 notices dropped", StringComparison.Ordinal) && l.Contains("QueueFull", StringComparison.Ordinal));
        Assert.Equal(10, counters.Unrouted);
    }

    internal static ExecReceiverOptions PagerScript(ScratchDirectory dir, string output) => new()
    {
        Command = TestScript.Write(dir, "pager.sh", "# One JSON document per line, as it came on stdin.\ncat >> \"$1\"\necho >> \"$1\""),
        Arguments = [output],
    };

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Waits (real time, bounded) for work on other threads — a process, a socket — to show.</summary>
    private static async Task<bool> Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        Assert.True(condition(), "condition not met within 15 s");
        return true;
    }
}
