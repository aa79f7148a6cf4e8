namespace Warden.Agent.Checks;

/// <summary>
/// SOFT and HARD states of one check subject (DESIGN.md, "Consecutive failures"): a non-OK result is
/// SOFT; the Nth consecutive non-OK result (N = max attempts, 3 by default) makes it HARD; an OK
/// result resets the count. UNKNOWN is no data: it neither counts as a failure nor resets the
/// count. Each result that changes the state or the state type is a transition to report, except
/// while the check is pending (no known result yet, e.g. a rate that needs two reads): its first
/// UNKNOWN and its first OK are not news, so an agent start sends no events for healthy checks.
/// </summary>
internal sealed class CheckStateMachine(int maxAttempts)
{
    public CheckStatus Status { get; private set; } = CheckStatus.Ok;

    /// <summary>True once the failure has lasted MaxAttempts results.</summary>
    public bool IsHard { get; private set; }

    /// <summary>Consecutive non-OK results so far (UNKNOWN results do not count or reset).</summary>
    public int Attempt { get; private set; }

    public int MaxAttempts => maxAttempts;

    /// <summary>True until the first OK, WARN or CRIT result.</summary>
    public bool IsPending { get; private set; } = true;

    /// <summary>Feeds one result; returns the transition it caused, if any.</summary>
    public CheckTransitionRecord? Observe(CheckStatus result)
    {
        if (IsPending && result is CheckStatus.Ok or CheckStatus.Unknown)
        {
            IsPending = result == CheckStatus.Unknown;
            Status = result;
            return null;
        }
        IsPending = false;
        var from = Status;
        var wasHard = IsHard;
        switch (result)
        {
            case CheckStatus.Ok:
                Attempt = 0;
                IsHard = false;
                break;
            case CheckStatus.Warn or CheckStatus.Crit:
                Attempt = Math.Min(Attempt + 1, maxAttempts);
                IsHard = Attempt >= maxAttempts;
                break;
        }
        Status = result;
        if (from == result && wasHard == IsHard)
        {
            return null;
        }
        // A recovery is reported with the type the failure had reached, so "HARD OK" reads as "recovered from a hard failure".
        var hard = result == CheckStatus.Ok ? wasHard : IsHard;
        return new CheckTransitionRecord(from, result, hard, Attempt, maxAttempts);
    }

    /// <summary>
    /// Counting resumes from zero after a heal's grace period (DESIGN.md, "Consecutive failures"):
    /// a check still failing turns HARD again only after MaxAttempts more failures, which is what
    /// lets a failed heal be retried within the budget. Reports nothing by itself.
    /// </summary>
    public void Rearm()
    {
        Attempt = 0;
        IsHard = false;
    }
}

internal readonly record struct CheckTransitionRecord(CheckStatus From, CheckStatus To, bool Hard, int Attempt, int MaxAttempts);
