namespace Warden.Agent.Checks.Storage;

/// <summary>How storage reasons write sizes and durations: "1.2 GB", "850 MB", "3 h", "45 min".</summary>
internal static class StorageText
{
    /// <summary>Decimal units, as disk vendors and df -H count; formatted when the reason is read.</summary>
    public static DecimalBytes Bytes(double bytes) => new(bytes);

    public static RoughDuration Duration(TimeSpan span) => new(span);
}
