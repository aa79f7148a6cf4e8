using Warden.Agent.Network;

namespace Warden.Agent.Checks.Network;

/// <summary>
/// tcp_retransmits, for the host: segments retransmitted as a share of segments sent in the
/// interval (Linux counts retransmissions in OutSegs). Loss or congestion anywhere on the paths the
/// host talks over shows here first. Intervals with fewer segments than the floor are OK.
/// </summary>
internal sealed class TcpRetransmitsCheck : ICheck, IDisposable
{
    public const string CheckName = "tcp_retransmits";

    private readonly SnmpReader _reader;
    private readonly TimeProvider _time;
    private readonly Threshold _threshold;
    private readonly double _minSegments;
    private SnmpCounters? _previous;
    private long _previousAt;

    public TcpRetransmitsCheck(CheckSettings settings, double minSegments, HostPaths paths, TimeProvider time)
    {
        Interval = settings.Interval;
        _threshold = settings.Threshold;
        _minSegments = minSegments;
        _time = time;
        _reader = new SnmpReader(paths.Proc);
    }

    public string Name => CheckName;

    public Component Component => Component.Network;

    public TimeSpan Interval { get; }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        results.Add(new CheckOutcome(CheckName, "", Component.Network, Evaluate()));
        return ValueTask.CompletedTask;
    }

    private CheckResult Evaluate()
    {
        if (!_reader.TryRead(out var now, out var problem))
        {
            _previous = null;
            return CheckResult.Unknown(problem);
        }
        var at = _time.GetTimestamp();
        var previous = _previous;
        var elapsed = _time.GetElapsedTime(_previousAt, at);
        _previous = now;
        _previousAt = at;
        if (previous is not { } then)
        {
            return CheckResult.Unknown("first reading; a share needs two");
        }
        if (!CounterDelta.TryGet(now.TcpOutSegs, then.TcpOutSegs, out var sent)
            || !CounterDelta.TryGet(now.TcpRetransSegs, then.TcpRetransSegs, out var retransmitted))
        {
            return CheckResult.Unknown("TCP counters went back; the next interval has a share again");
        }
        return Judge(retransmitted, sent, elapsed, _threshold, _minSegments);
    }

    /// <summary>Judges the counts of one interval. Value: retransmitted segments in % of segments sent.</summary>
    public static CheckResult Judge(ulong retransmitted, ulong sent, TimeSpan elapsed, Threshold threshold, double minSegments)
    {
        var pct = sent == 0 ? 0 : Math.Min(100.0, 100.0 * retransmitted / sent);
        var limits = threshold.Describe("%");
        ReasonText perSecond = elapsed > TimeSpan.Zero
            ? $", {retransmitted / elapsed.TotalSeconds:0.##}/s"
            : default(ReasonText);
        if (sent < minSegments)
        {
            return CheckResult.Ok(pct, limits, $"{sent} segments sent in the interval, fewer than {minSegments:0} needed to judge ({retransmitted} retransmitted{perSecond})");
        }
        ReasonText reason = $"{pct:0.##} % of {sent} segments sent were retransmissions ({retransmitted}{perSecond})";
        return new CheckResult(threshold.Judge(pct), pct, limits, reason);
    }

    public void Dispose() => _reader.Dispose();
}
