using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warden.EndToEnd.Tests.Harness;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests;

/// <summary>The real warden-aggregator turns an agent's check transition into an incident that operators act on, across a kill.</summary>
public class IncidentTests
{
    [Fact]
    public async Task A_check_turning_CRIT_opens_an_incident_whose_acknowledgement_survives_a_kill()
    {
        using var dir = new ScratchDirectory();
        var state = dir.File("aggregator");
        ulong id;
        using (var aggregator = await AggregatorProcess.StartAsync(state))
        {
            using (var call = aggregator.AgentLink.Connect())
            {
                await call.RequestStream.WriteAsync(new AgentMessage { Hello = new Hello { Host = "e2e-disk", AgentVersion = "e2e" } });
                Assert.True(await call.ResponseStream.MoveNext());
                await call.RequestStream.WriteAsync(new AgentMessage { Events = DiskCrit(1) });
                Assert.True(await call.ResponseStream.MoveNext());
                Assert.Equal(1UL, call.ResponseStream.Current.Ack.Sequence);
                await call.RequestStream.CompleteAsync();
            }

            var incident = await Eventually.GetAsync(async () =>
                (await aggregator.Operator.ListIncidentsAsync(new ListIncidentsRequest())).Incidents.FirstOrDefault(),
                "the incident to open", diagnostics: () => aggregator.Output);
            Assert.Equal(("disk_space:/var failing on e2e-disk", Severity.P2, IncidentState.Open), (incident.Title, incident.Severity, incident.State));
            id = incident.Id;
            await aggregator.Operator.AcknowledgeAsync(new AcknowledgeRequest { Id = id, Comment = "freeing space" },
                new Metadata { { "warden-operator", "e2e-operator" } });
            aggregator.Kill();
        }

        using var restarted = await AggregatorProcess.StartAsync(state);
        var detail = await restarted.Operator.GetIncidentAsync(new GetIncidentRequest { Id = id });
        Assert.Equal((IncidentState.Acknowledged, "e2e-operator"), (detail.Summary.State, detail.Summary.AcknowledgedBy));
        Assert.Equal(97, Assert.Single(detail.Transitions).Transition.Value);
        var audit = await restarted.Operator.ListAuditAsync(new ListAuditRequest { IncidentId = id });
        Assert.Contains(audit.Entries, e => e.Actor == "e2e-operator" && e.Action == "acknowledge" && e.Reason == "freeing space");
    }

    private static EventBatch DiskCrit(ulong sequence) => new()
    {
        Sequence = sequence,
        Events =
        {
            new Event
            {
                At = Timestamp.FromDateTime(DateTime.UtcNow),
                CheckTransition = new CheckTransition
                {
                    Component = "storage", Check = "disk_space:/var", FromState = CheckState.Ok, ToState = CheckState.Crit,
                    StateType = StateType.Hard, Attempt = 3, MaxAttempts = 3, Value = 97, Threshold = "crit 95", Reason = "/var 97% used",
                },
            },
        },
    };
}
