using Warden.Agent.Sensing;
using Warden.Proto.V1;

namespace Warden.Benchmarks;

/// <summary>A sample batch as the agent ships it, summarising real senses of this host's /proc.</summary>
internal static class RealWindow
{
    public static SampleBatch Of(int senses)
    {
        using var sensor = new HostSensor("/proc");
        var readings = new HostReadings();
        var window = new ReadingWindow(DateTimeOffset.UtcNow);
        for (var i = 0; i < senses; i++)
        {
            sensor.Sense(readings);
            window.Add(readings);
        }
        return window.ToBatch(DateTimeOffset.UtcNow);
    }
}
