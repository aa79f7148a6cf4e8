namespace Warden.Agent.Cgroups;

/// <summary>The per-file cgroup parsers, each over the file's whole text.</summary>
internal static class CgroupFileParsers
{
    public delegate bool Parser<T>(ReadOnlySpan<byte> text, out T value);

    /// <summary>
    /// v1 limits that mean "none": PAGE_COUNTER_MAX pages, i.e. LONG_MAX rounded down to the page size
    /// (9223372036854771712 with 4 KiB pages). Nothing real is limited at 4 EiB or more.
    /// </summary>
    private const ulong V1Unlimited = 1UL << 62;

    /// <summary>A count such as memory.current or cpuacct.usage; "max" is not a count.</summary>
    public static bool TryParseCount(ReadOnlySpan<byte> text, out ulong value) =>
        FlatKeyed.TryParseSingle(text, out value, out var isMax) && !isMax;

    /// <summary>v2 memory.max or pids.max: a number, or "max" as <see cref="ulong.MaxValue"/>.</summary>
    public static bool TryParseLimit(ReadOnlySpan<byte> text, out ulong value) => FlatKeyed.TryParseSingle(text, out value, out _);

    /// <summary>v1 memory.limit_in_bytes: a number, with the huge "unlimited" value as <see cref="ulong.MaxValue"/>.</summary>
    public static bool TryParseLimitV1(ReadOnlySpan<byte> text, out ulong value)
    {
        if (!TryParseCount(text, out value))
        {
            return false;
        }
        if (value >= V1Unlimited)
        {
            value = ulong.MaxValue;
        }
        return true;
    }

    /// <summary>v2 cpu.stat: usage_usec, user_usec, system_usec always; nr_periods, nr_throttled, throttled_usec with the cpu controller.</summary>
    public static bool TryParseCpuStatV2(ReadOnlySpan<byte> text, out CgroupCpu cpu, out CgroupThrottling? throttling)
    {
        cpu = default;
        throttling = null;
        if (!FlatKeyed.IsWellFormed(text) || !FlatKeyed.TryFind(text, "usage_usec"u8, out var usage))
        {
            return false;
        }
        cpu = new CgroupCpu(usage, Find(text, "user_usec"u8), Find(text, "system_usec"u8));
        if (FlatKeyed.TryFind(text, "nr_periods"u8, out var periods))
        {
            throttling = new CgroupThrottling(periods, Find(text, "nr_throttled"u8) ?? 0, Find(text, "throttled_usec"u8) ?? 0);
        }
        return true;
    }

    /// <summary>v1 cpu.stat: "nr_periods N", "nr_throttled N", "throttled_time NS" (nanoseconds).</summary>
    public static bool TryParseCpuStatV1(ReadOnlySpan<byte> text, out CgroupThrottling throttling)
    {
        throttling = default;
        if (!FlatKeyed.IsWellFormed(text) || !FlatKeyed.TryFind(text, "nr_periods"u8, out var periods)
            || !FlatKeyed.TryFind(text, "nr_throttled"u8, out var throttled))
        {
            return false;
        }
        throttling = new CgroupThrottling(periods, throttled, (Find(text, "throttled_time"u8) ?? 0) / 1000);
        return true;
    }

    /// <summary>v1 cpuacct.stat: "user TICKS" and "system TICKS" in USER_HZ.</summary>
    public static bool TryParseCpuacctStat(ReadOnlySpan<byte> text, out (ulong User, ulong System) ticks)
    {
        ticks = default;
        if (!FlatKeyed.IsWellFormed(text) || !FlatKeyed.TryFind(text, "user"u8, out var user) || !FlatKeyed.TryFind(text, "system"u8, out var system))
        {
            return false;
        }
        ticks = (user, system);
        return true;
    }

    /// <summary>v2 memory.events: "low N", "high N", "max N", "oom N", "oom_kill N", "oom_group_kill N".</summary>
    public static bool TryParseMemoryEventsV2(ReadOnlySpan<byte> text, out CgroupMemoryEvents events)
    {
        events = default;
        if (!FlatKeyed.IsWellFormed(text) || !FlatKeyed.TryFind(text, "oom_kill"u8, out var kills))
        {
            return false;
        }
        events = new CgroupMemoryEvents(kills, Find(text, "oom"u8), Find(text, "max"u8), Find(text, "high"u8), null);
        return true;
    }

    /// <summary>v1 memory.oom_control: "oom_kill_disable 0", "under_oom 0", and "oom_kill N" from kernel 4.13.</summary>
    public static bool TryParseOomControlV1(ReadOnlySpan<byte> text, out CgroupMemoryEvents events)
    {
        events = default;
        if (!FlatKeyed.IsWellFormed(text) || !FlatKeyed.TryFind(text, "under_oom"u8, out var underOom))
        {
            return false;
        }
        events = new CgroupMemoryEvents(Find(text, "oom_kill"u8), null, null, null, underOom != 0);
        return true;
    }

    private static ulong? Find(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key) =>
        FlatKeyed.TryFind(text, key, out var value) ? value : null;
}
