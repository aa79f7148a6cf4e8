namespace Warden.Agent.Procfs;

/// <summary>/proc/meminfo: "Key:   value kB" lines. Values are converted to bytes.</summary>
internal static class MeminfoParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out Meminfo info)
    {
        info = default;
        ulong total = 0, free = 0, available = 0, buffers = 0, cached = 0, swapTotal = 0, swapFree = 0;
        var seen = Seen.None;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var key = line[..colon];
            var fields = new SpanFields(line[(colon + 1)..]);
            if (!fields.TryNextUInt64(out var value))
            {
                continue;
            }
            // Every line but HugePages_* counts kB; saturate rather than wrap on absurd values.
            var bytes = fields.TryNext(out var unit) && unit.SequenceEqual("kB"u8)
                ? (value > ulong.MaxValue / 1024 ? ulong.MaxValue : value * 1024)
                : value;
            if (key.SequenceEqual("MemTotal"u8)) { total = bytes; seen |= Seen.Total; }
            else if (key.SequenceEqual("MemFree"u8)) { free = bytes; seen |= Seen.Free; }
            else if (key.SequenceEqual("MemAvailable"u8)) { available = bytes; seen |= Seen.Available; }
            else if (key.SequenceEqual("Buffers"u8)) { buffers = bytes; }
            else if (key.SequenceEqual("Cached"u8)) { cached = bytes; }
            else if (key.SequenceEqual("SwapTotal"u8)) { swapTotal = bytes; }
            else if (key.SequenceEqual("SwapFree"u8)) { swapFree = bytes; }
        }
        if ((seen & (Seen.Total | Seen.Free)) != (Seen.Total | Seen.Free) || total == 0)
        {
            return false;
        }
        // Kernels before 3.14 have no MemAvailable; free + buffers + cached is the old estimate.
        if ((seen & Seen.Available) == 0)
        {
            available = Math.Min(total, free + buffers + cached);
        }
        info = new Meminfo(total, free, Math.Min(available, total), buffers, cached, swapTotal, Math.Min(swapFree, swapTotal));
        return true;
    }

    [Flags]
    private enum Seen { None = 0, Total = 1, Free = 2, Available = 4 }
}

internal readonly record struct Meminfo(
    ulong TotalBytes, ulong FreeBytes, ulong AvailableBytes, ulong BuffersBytes, ulong CachedBytes,
    ulong SwapTotalBytes, ulong SwapFreeBytes)
{
    public double UsedPct => 100.0 * (1.0 - (double)AvailableBytes / TotalBytes);

    public ulong SwapUsedBytes => SwapTotalBytes - SwapFreeBytes;
}
