using Warden.Proto.V1;

namespace Warden.FleetSim;

/// <summary>
/// One check of a simulated host under the agent's rule (agent/Checks/CheckStateMachine.cs): a
/// non-OK result is SOFT, the MaxAttempts-th in a row makes it HARD, an OK result resets the count.
/// Each result that changes the state or the state type is a transition to report.
/// </summary>
public sealed class SimulatedCheck(string component, string check, int maxAttempts = 3)
{
    public string Component => component;

    public string Check => check;

    public CheckState State { get; private set; } = CheckState.Ok;

    public bool Hard { get; private set; }

    public int Attempt { get; private set; }

    /// <summary>Feeds one result; returns the transition it caused, or null when nothing changed.</summary>
    public CheckTransition? Observe(CheckState result, double value, string threshold, string reason)
    {
        var from = State;
        var wasHard = Hard;
        if (result == CheckState.Ok)
        {
            Attempt = 0;
            Hard = false;
        }
        else
        {
            Attempt = Math.Min(Attempt + 1, maxAttempts);
            Hard = Attempt >= maxAttempts;
        }
        State = result;
        // A recovery is reported with the type the failure had reached, as the agent does.
        return from == result && wasHard == Hard ? null : Transition(from, result == CheckState.Ok ? wasHard : Hard, value, threshold, reason);
    }

    /// <summary>Jumps to <paramref name="result"/> as HARD at once: what the agent reports after its retries, or a hard recovery.</summary>
    public CheckTransition Force(CheckState result, double value, string threshold, string reason)
    {
        var from = State;
        State = result;
        Attempt = result == CheckState.Ok ? 0 : maxAttempts;
        Hard = result != CheckState.Ok;
        return Transition(from, hard: true, value, threshold, reason);
    }

    private CheckTransition Transition(CheckState from, bool hard, double value, string threshold, string reason) => new()
    {
        Component = component,
        Check = check,
        FromState = from,
        ToState = State,
        StateType = hard ? StateType.Hard : StateType.Soft,
        Attempt = (uint)Attempt,
        MaxAttempts = (uint)maxAttempts,
        Value = value,
        Threshold = threshold,
        Reason = reason,
    };
}
