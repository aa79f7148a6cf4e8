namespace Warden.Agent.Procfs;

/// <summary>
/// /proc/sys/fs/file-nr: "939	0	2466177" (allocated file handles, allocated but unused, fs.file-max).
/// Since 2.6 the kernel frees unused handles at once, so the middle field is always 0.
/// </summary>
internal static class FileNrParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out FileHandles handles)
    {
        handles = default;
        var fields = new SpanFields(SpanFields.NextLine(ref text));
        if (!fields.TryNextUInt64(out var allocated) || !fields.TryNextUInt64(out var unused) || !fields.TryNextUInt64(out var max))
        {
            return false;
        }
        handles = new FileHandles(allocated, unused, max);
        return true;
    }
}

internal readonly record struct FileHandles(ulong Allocated, ulong Unused, ulong Max)
{
    /// <summary>Handles in use as a share of fs.file-max; NaN when the maximum is 0.</summary>
    public double UsedPct => Max == 0 ? double.NaN : 100.0 * (Allocated - Math.Min(Unused, Allocated)) / Max;
}
