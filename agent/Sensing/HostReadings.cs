namespace Warden.Agent.Sensing;

/// <summary>One sensing pass: a value per <see cref="ReadingId"/>, NaN where there is no data.</summary>
internal sealed class HostReadings
{
    private readonly double[] _values = new double[ReadingNames.Count];

    public HostReadings() => Clear();

    public double this[ReadingId id]
    {
        get => _values[(int)id];
        set => _values[(int)id] = value;
    }

    public void Clear() => Array.Fill(_values, double.NaN);
}
