using Warden.Agent.Network;

namespace Warden.Agent.Checks.Network;

/// <summary>
/// interface_down, one outcome per expected interface. Expected are the configured ExpectedUp, or
/// else every interface not ignored once it has been seen up, so a pulled cable is CRIT while
/// interfaces that were never brought up stay quiet. An auto-expected interface that disappears
/// from /sys/class/net is forgotten (removing one is a configuration change); a configured one is CRIT.
/// </summary>
internal sealed class InterfaceDownCheck : ICheck, IDisposable
{
    public const string CheckName = "interface_down";
    private const string Expectation = "expected up";

    private readonly InterfaceStateReader _reader;
    private readonly string[] _configured;
    private readonly InterfaceFilter _filter;
    private readonly HashSet<string> _seenUp = new(StringComparer.Ordinal);
    private readonly Predicate<string> _isGone;

    public InterfaceDownCheck(CheckSettings settings, IEnumerable<string> expectedUp, InterfaceFilter filter, HostPaths paths)
    {
        Interval = settings.Interval;
        _configured = [.. expectedUp];
        _filter = filter;
        _reader = new InterfaceStateReader(paths.Sys);
        _isGone = name => Find(name) is null;
    }

    public string Name => CheckName;

    public Component Component => Component.Network;

    public TimeSpan Interval { get; }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (!_reader.TryRead(out var problem))
        {
            var subjects = _configured.Length > 0 ? _configured : [.. _seenUp];
            foreach (var subject in subjects)
            {
                results.Add(Outcome(subject, CheckResult.Unknown(problem)));
            }
            if (subjects.Length == 0)
            {
                results.Add(Outcome("", CheckResult.Unknown(problem)));
            }
            return ValueTask.CompletedTask;
        }
        if (_configured.Length > 0)
        {
            foreach (var name in _configured)
            {
                var link = Find(name);
                results.Add(Outcome(name, link is null
                    ? new CheckResult(CheckStatus.Crit, 0, Expectation, $"{name} is not present in {_reader.Path}")
                    : Judge(link.State, link.Carrier)));
            }
            return ValueTask.CompletedTask;
        }
        _seenUp.RemoveWhere(_isGone);
        // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
        for (var i = 0; i < _reader.Links.Count; i++)
        {
            var link = _reader.Links[i];
            if (_filter.Ignores(link.Name))
            {
                continue;
            }
            if (link.State is OperState.Up or OperState.Unknown)
            {
                _seenUp.Add(link.Name);
            }
            if (_seenUp.Contains(link.Name))
            {
                results.Add(Outcome(link.Name, Judge(link.State, link.Carrier)));
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Judges an interface that is expected up. Value: 1 up, 0 not up.</summary>
    /// <param name="state">Null when operstate could not be read.</param>
    /// <param name="carrier">Null where the kernel reports none.</param>
    public static CheckResult Judge(OperState? state, bool? carrier) => state switch
    {
        null => CheckResult.Unknown("operstate could not be read"),
        OperState.Up => CheckResult.Ok(1, Expectation, "up"),
        // lo, tun and many virtual devices never report a link state; that is not down.
        OperState.Unknown => CheckResult.Ok(1, Expectation, carrier == false
            ? "operstate unknown (a virtual device), no carrier"
            : "operstate unknown (a virtual device that does not report its link); not down"),
        OperState.Dormant => new(CheckStatus.Warn, 0, Expectation, "dormant: waiting for an external event (802.1X, a wireless association)"),
        OperState.Testing => new(CheckStatus.Warn, 0, Expectation, "testing: the driver is running a self-test"),
        OperState.LowerLayerDown => new(CheckStatus.Crit, 0, Expectation, "lowerlayerdown: the device it runs over (bond slave, VLAN parent, veth peer) is down"),
        OperState.NotPresent => new(CheckStatus.Crit, 0, Expectation, "notpresent: a hardware component is missing"),
        _ => new(CheckStatus.Crit, 0, Expectation, carrier == false ? "down: no carrier (cable or peer gone)" : "down"),
    };

    private InterfaceLink? Find(string name)
    {
        // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
        for (var i = 0; i < _reader.Links.Count; i++)
        {
            var link = _reader.Links[i];
            if (string.Equals(link.Name, name, StringComparison.Ordinal))
            {
                return link;
            }
        }
        return null;
    }

    private static CheckOutcome Outcome(string subject, CheckResult result) => new(CheckName, subject, Component.Network, result);

    public void Dispose() => _reader.Dispose();
}
