using Warden.Agent.Network;

namespace Warden.Agent.Checks.Network;

/// <summary>
/// interface_errors, one outcome per interface not ignored: receive and transmit errors plus drops
/// as a share of all frames in the interval (good packets + failed ones). A share rather than a rate
/// per second, so that a busy 10 Gbit/s link and a quiet one are judged alike; intervals with fewer
/// frames than the floor are OK, not a noisy ratio. Note that rx drops include frames of protocols
/// the host does not speak (kernel 2.6.37 and later), which is why the floor matters on quiet links.
/// </summary>
internal sealed class InterfaceErrorsCheck : ICheck, IDisposable
{
    public const string CheckName = "interface_errors";

    private readonly NetDevReader _reader;
    private readonly InterfaceFilter _filter;
    private readonly Threshold _threshold;
    private readonly double _minFrames;

    public InterfaceErrorsCheck(CheckSettings settings, double minFrames, InterfaceFilter filter, HostPaths paths, TimeProvider time)
    {
        Interval = settings.Interval;
        _threshold = settings.Threshold;
        _minFrames = minFrames;
        _filter = filter;
        _reader = new NetDevReader(paths.Proc, time);
    }

    public string Name => CheckName;

    public Component Component => Component.Network;

    public TimeSpan Interval { get; }

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        if (!_reader.TryRead(out var problem))
        {
            results.Add(new CheckOutcome(CheckName, "", Component.Network, CheckResult.Unknown(problem)));
            return ValueTask.CompletedTask;
        }
        // Indexed, not foreach: enumerating through the interface would box its enumerator every cycle.
        for (var i = 0; i < _reader.Table.Interfaces.Count; i++)
        {
            var iface = _reader.Table.Interfaces[i];
            if (_filter.Ignores(iface.Name))
            {
                continue;
            }
            CheckResult result;
            if (iface.TryGetDelta(out var delta, out var reset))
            {
                result = Judge(delta, _reader.Elapsed, _threshold, _minFrames);
            }
            else
            {
                result = CheckResult.Unknown(reset
                    ? "counters went back (interface re-created?); the next interval has a rate again"
                    : "first reading of this interface; a share needs two");
            }
            results.Add(new CheckOutcome(CheckName, iface.Name, Component.Network, result));
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Judges the counts of one interval. Value: failed frames in % of all frames.</summary>
    public static CheckResult Judge(NetDevCounters delta, TimeSpan elapsed, Threshold threshold, double minFrames)
    {
        // In doubles: absurd counters (a driver bug) must not wrap a 64-bit sum into a small number.
        var failed = (double)delta.RxErrors + delta.TxErrors + delta.RxDropped + delta.TxDropped;
        var frames = (double)delta.RxPackets + delta.TxPackets + failed;
        var pct = frames == 0 ? 0 : 100.0 * failed / frames;
        var limits = threshold.Describe("%");
        ReasonText perSecond = elapsed > TimeSpan.Zero
            ? $", {failed / elapsed.TotalSeconds:0.##}/s"
            : default(ReasonText);
        if (frames < minFrames)
        {
            return CheckResult.Ok(pct, limits, $"{frames:0} frames in the interval, fewer than {minFrames:0} needed to judge ({failed:0} failed{perSecond})");
        }
        ReasonText reason = $"{pct:0.##} % of {frames:0} frames failed: {(double)delta.RxErrors + delta.TxErrors:0} errors, {(double)delta.RxDropped + delta.TxDropped:0} drops{perSecond}";
        return new CheckResult(threshold.Judge(pct), pct, limits, reason);
    }

    public void Dispose() => _reader.Dispose();
}
