using Warden.Proto.V1;

namespace Warden.Agent.Sensing;

/// <summary>
/// Folds every sensing pass of one shipping window into last/min/max per reading
/// (DESIGN.md, "Sensing versus shipping"). NaN values are "no data" and are not folded in.
/// </summary>
internal sealed class ReadingWindow
{
    private readonly double[] _last = new double[ReadingNames.Count];
    private readonly double[] _min = new double[ReadingNames.Count];
    private readonly double[] _max = new double[ReadingNames.Count];
    private readonly uint[] _count = new uint[ReadingNames.Count];

    public ReadingWindow(DateTimeOffset start) => Reset(start);

    public DateTimeOffset Start { get; private set; }

    public void Add(HostReadings readings)
    {
        for (var i = 0; i < ReadingNames.Count; i++)
        {
            var value = readings[(ReadingId)i];
            if (double.IsNaN(value))
            {
                continue;
            }
            _last[i] = value;
            _min[i] = _count[i] == 0 ? value : Math.Min(_min[i], value);
            _max[i] = _count[i] == 0 ? value : Math.Max(_max[i], value);
            _count[i]++;
        }
    }

    /// <summary>The window's summary; readings without data are left out.</summary>
    public SampleBatch ToBatch(DateTimeOffset end)
    {
        var batch = new SampleBatch
        {
            WindowStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Start),
            WindowEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(end),
        };
        for (var i = 0; i < ReadingNames.Count; i++)
        {
            if (_count[i] == 0)
            {
                continue;
            }
            batch.Readings.Add(new Reading
            {
                Name = ReadingNames.Of((ReadingId)i),
                Last = _last[i],
                Min = _min[i],
                Max = _max[i],
                Count = _count[i],
            });
        }
        return batch;
    }

    public void Reset(DateTimeOffset start)
    {
        Start = start;
        Array.Clear(_count);
    }
}
