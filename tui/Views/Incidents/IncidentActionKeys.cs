using Grpc.Core;
using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Model;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views.Incidents;

/// <summary>
/// `a` and `r` on an incident, in the list and in its page: confirm (resolve asks for a comment
/// first), call the aggregator as the operator, and say what happened. Refused in --readonly by the shell.
/// </summary>
internal sealed class IncidentActionKeys(IIncidentActions actions, IncidentListState state, Action<Action> post)
{
    public static readonly IReadOnlyList<KeyHelp> Help =
    [
        new("a", "acknowledge the incident (asks first)"),
        new("r", "resolve the incident with a comment (asks first)"),
    ];

    public bool Handle(string? typed, IncidentSummary? incident, IScreenHost host)
    {
        if (typed is not ("a" or "r"))
        {
            return false;
        }

        if (incident is null)
        {
            host.Flash("no incident selected");
        }
        else if (typed == "a")
        {
            host.Confirm($"acknowledge incident {incident.Id} ({incident.Title})?",
                () => Run(host, incident.Id, "acknowledged", () => actions.AcknowledgeAsync(incident.Id, string.Empty)));
        }
        else
        {
            host.Prompt($"resolve incident {incident.Id}, comment:", comment =>
                host.Confirm($"resolve incident {incident.Id} ({comment})?",
                    () => Run(host, incident.Id, "resolved", () => actions.ResolveAsync(incident.Id, comment))));
        }

        return true;
    }

    // async void on purpose: a key handler cannot wait; every outcome ends in a message.
    private async void Run(IScreenHost host, ulong id, string done, Func<Task<IncidentDetail>> call)
    {
        host.Flash($"incident {id}: sending…");
        try
        {
            IncidentDetail detail = await call();
            post(() =>
            {
                state.IncidentUpserted(detail.Summary);
                host.Flash($"incident {id} {done}");
            });
        }
        catch (RpcException ex)
        {
            string why = ex.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.InvalidArgument
                ? ex.Status.Detail
                : RpcFailure.Describe(ex);
            post(() => host.Flash($"incident {id} not {done}: {why}"));
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            // async void must never throw: that would end the console.
            post(() => host.Flash($"incident {id} not {done}: {ex.Message}"));
        }
    }
}
