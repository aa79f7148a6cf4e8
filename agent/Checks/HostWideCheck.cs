namespace Warden.Agent.Checks;

/// <summary>A check with one outcome for the whole host (no subjects); subclasses judge in <see cref="Evaluate"/>.</summary>
internal abstract class HostWideCheck(string name, Component component, CheckSettings settings) : ICheck
{
    public string Name => name;

    public Component Component => component;

    public TimeSpan Interval => settings.Interval;

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        results.Add(new CheckOutcome(Name, "", Component, Evaluate()));
        return ValueTask.CompletedTask;
    }

    protected abstract CheckResult Evaluate();
}
