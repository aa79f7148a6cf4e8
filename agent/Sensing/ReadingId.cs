namespace Warden.Agent.Sensing;

/// <summary>The host-wide readings the agent senses; names are the wire names (readings.proto).</summary>
internal enum ReadingId
{
    CpuBusyPct,
    CpuIowaitPct,
    CpuStealPct,
    MemTotalBytes,
    MemAvailableBytes,
    MemUsedPct,
    SwapUsedBytes,
    Load1,
    Load5,
    Load15,
    LoadPerCore,
}

internal static class ReadingNames
{
    public const int Count = (int)ReadingId.LoadPerCore + 1;

    private static readonly string[] Names =
    [
        "cpu.busy_pct", "cpu.iowait_pct", "cpu.steal_pct",
        "mem.total_bytes", "mem.available_bytes", "mem.used_pct", "swap.used_bytes",
        "load.1", "load.5", "load.15", "load.per_core",
    ];

    public static string Of(ReadingId id) => Names[(int)id];
}
