namespace Warden.Agent.Checks.Exec;

/// <summary>
/// An operator's command run as a Nagios plugin. The perfdata of the last run is kept for shipping.
/// Evaluations of one check do not overlap (the scheduler awaits each), so the state needs no lock.
/// </summary>
internal sealed class ExecPluginCheck : ICheck
{
    private readonly string[] _command;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public ExecPluginCheck(string name, string[] command, TimeSpan interval, TimeSpan timeout, Component component, TimeProvider time)
    {
        Name = name;
        _command = command;
        Interval = interval;
        _timeout = timeout;
        Component = component;
        _time = time;
    }

    public string Name { get; }

    public Component Component { get; }

    public TimeSpan Interval { get; }

    /// <summary>Perfdata of the last run: empty before the first and after a run that printed none.</summary>
    public IReadOnlyList<PerfDatum> LastPerfData { get; private set; } = [];

    /// <summary>The long text (lines after the first) of the last run.</summary>
    public string LastLongText { get; private set; } = "";

    public async ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        var run = await PluginRunner.RunAsync(_command, _timeout, _time, cancellationToken).ConfigureAwait(false);
        var (result, output) = PluginVerdict.Judge(run, _timeout);
        LastPerfData = output.PerfData;
        LastLongText = output.LongText;
        results.Add(new CheckOutcome(Name, "", Component, result));
    }
}
