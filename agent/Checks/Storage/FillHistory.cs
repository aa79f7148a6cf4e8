namespace Warden.Agent.Checks.Storage;

/// <summary>
/// Recent (time, used bytes) samples of one filesystem in a bounded ring, and the fill rate they
/// show: the least-squares slope over the newest samples within a window. A least-squares line
/// rides out the saw-tooth of logs written and rotated, where the first-to-last difference would
/// follow whichever end happened to land on a spike.
/// </summary>
internal sealed class FillHistory
{
    private readonly double[] _seconds;
    private readonly double[] _used;
    private int _start;
    private int _count;

    public FillHistory(int capacity)
    {
        _seconds = new double[Math.Max(3, capacity)];
        _used = new double[_seconds.Length];
    }

    /// <summary>The evaluation that last saw the filesystem; histories of unmounted ones are dropped.</summary>
    internal long LastSeen { get; set; }

    public void Add(double seconds, double usedBytes)
    {
        var index = (_start + _count) % _seconds.Length;
        if (_count == _seconds.Length)
        {
            _start = (_start + 1) % _seconds.Length;
        }
        else
        {
            _count++;
        }
        _seconds[index] = seconds;
        _used[index] = usedBytes;
    }

    /// <summary>
    /// Bytes per second the filesystem grows by (negative while it shrinks), fitted to the samples
    /// no older than <paramref name="window"/> before the newest. NaN with fewer than three samples
    /// or when they span less than <paramref name="minimumSpan"/>: too little to project from.
    /// </summary>
    public double GrowthBytesPerSecond(TimeSpan window, TimeSpan minimumSpan)
    {
        if (_count < 3)
        {
            return double.NaN;
        }
        var newest = _seconds[(_start + _count - 1) % _seconds.Length];
        var from = newest - window.TotalSeconds;
        double n = 0, sumT = 0, sumU = 0, oldest = newest;
        for (var i = 0; i < _count; i++)
        {
            var k = (_start + i) % _seconds.Length;
            if (_seconds[k] >= from)
            {
                // Times relative to the newest keep the sums small and the fit exact in doubles.
                var t = _seconds[k] - newest;
                n++;
                sumT += t;
                sumU += _used[k];
                oldest = Math.Min(oldest, _seconds[k]);
            }
        }
        if (n < 3 || newest - oldest < minimumSpan.TotalSeconds)
        {
            return double.NaN;
        }
        double meanT = sumT / n, meanU = sumU / n, num = 0, den = 0;
        for (var i = 0; i < _count; i++)
        {
            var k = (_start + i) % _seconds.Length;
            if (_seconds[k] >= from)
            {
                var dt = _seconds[k] - newest - meanT;
                num += dt * (_used[k] - meanU);
                den += dt * dt;
            }
        }
        return den > 0 ? num / den : double.NaN;
    }
}
