namespace Warden.Agent.Procfs;

/// <summary>/proc/loadavg: "0.20 0.18 0.12 1/80 11206" (1, 5, 15 min, runnable/total tasks, last pid).</summary>
internal static class LoadAvgParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out LoadAvg load)
    {
        load = default;
        var fields = new SpanFields(SpanFields.NextLine(ref text));
        if (!fields.TryNextDouble(out var one) || !fields.TryNextDouble(out var five) || !fields.TryNextDouble(out var fifteen)
            || one < 0 || five < 0 || fifteen < 0)
        {
            return false;
        }
        uint runnable = 0, tasks = 0;
        if (fields.TryNext(out var sched))
        {
            var slash = sched.IndexOf((byte)'/');
            if (slash > 0)
            {
                System.Buffers.Text.Utf8Parser.TryParse(sched[..slash], out runnable, out _);
                System.Buffers.Text.Utf8Parser.TryParse(sched[(slash + 1)..], out tasks, out _);
            }
        }
        load = new LoadAvg(one, five, fifteen, runnable, tasks);
        return true;
    }
}

internal readonly record struct LoadAvg(double One, double Five, double Fifteen, uint Runnable, uint Tasks);
