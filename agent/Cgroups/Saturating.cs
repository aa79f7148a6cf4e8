namespace Warden.Agent.Cgroups;

/// <summary>Counter arithmetic that sticks at the limits instead of wrapping on absurd kernel values.</summary>
internal static class Saturating
{
    public static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    public static ulong Multiply(ulong a, ulong b) => b != 0 && a > ulong.MaxValue / b ? ulong.MaxValue : a * b;

    /// <summary>now - then, or 0 when a counter stepped back (reset, cgroup recreated).</summary>
    public static ulong Delta(ulong now, ulong then) => now >= then ? now - then : 0;
}
