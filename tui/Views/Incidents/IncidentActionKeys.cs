using Warden.Proto.V1;
using Warden.Tui.Client;
using Warden.Tui.Model;
using Warden.Tui.Views.Actions;
using Warden.Tui.Views.Shell;
using Warden.Tui.Views.Silence;

namespace Warden.Tui.Views.Incidents;

/// <summary>
/// `a`, `r`, `c` and `s` on an incident, in the list and in its page: confirm (resolve and comment
/// ask for the text first, silence for duration, scope and comment), call the aggregator as the
/// operator, and say what happened. Refused in --readonly by the shell.
/// </summary>
internal sealed class IncidentActionKeys(IIncidentActions actions, IncidentListState state, Action<Action> post)
{
    public static readonly IReadOnlyList<KeyHelp> Help =
    [
        new("a", "acknowledge the incident (asks first)"),
        new("r", "resolve the incident with a comment (asks first)"),
        new("c", "comment on the incident (asks first)"),
        SilenceKeys.Help,
    ];

    /// <summary>Comment, for `c`; null where the console has no operator API.</summary>
    public Func<ulong, string, Task<IncidentDetail>>? Comment { get; init; }

    /// <summary>Silence, for `s`; null where the console has no operator API.</summary>
    public SilenceKeys? Silence { get; init; }

    public bool Handle(string? typed, IncidentSummary? incident, IScreenHost host)
    {
        if (typed is not ("a" or "r" or "c" or "s"))
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
        else if (typed == "r")
        {
            host.Prompt($"resolve incident {incident.Id}, comment:", comment =>
                host.Confirm($"resolve incident {incident.Id} ({comment})?",
                    () => Run(host, incident.Id, "resolved", () => actions.ResolveAsync(incident.Id, comment))));
        }
        else if (typed == "c")
        {
            AskComment(incident.Id, host);
        }
        else
        {
            SilenceKeys.Offer(Silence, SilenceSubject.Of(incident), host);
        }

        return true;
    }

    private void AskComment(ulong id, IScreenHost host)
    {
        if (Comment is not { } comment)
        {
            host.Flash("comments need the operator API, which this console was started without");
            return;
        }

        host.Prompt($"comment on incident {id}:", text =>
            host.Confirm($"add to incident {id}: {text}?", () => Run(host, id, "commented", () => comment(id, text))));
    }

    private void Run(IScreenHost host, ulong id, string done, Func<Task<IncidentDetail>> call) =>
        OperatorRequest.Send(host, post, $"incident {id}: sending…", call,
            detail =>
            {
                state.IncidentUpserted(detail.Summary);
                host.Flash($"incident {id} {done}");
            },
            why => $"incident {id} not {done}: {why}");
}
