using Warden.Agent.Checks;

namespace Warden.Agent.Tests.Checks.SystemChecks;

/// <summary>Runs a check once, as the scheduler would, and hands back what it reported.</summary>
internal static class CheckRuns
{
    public static CheckOutcome Once(ICheck check) => All(check).Single();

    public static List<CheckOutcome> All(ICheck check)
    {
        var results = new List<CheckOutcome>();
        var pending = check.EvaluateAsync(results, CancellationToken.None);
        Assert.True(pending.IsCompletedSuccessfully, "a /proc check completes without waiting");
        return results;
    }
}
