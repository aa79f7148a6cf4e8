namespace Warden.Agent.Spool;

/// <summary>Orders the spool's index by sequence alone, so a probe with only a sequence finds an entry.</summary>
internal sealed class SpoolEntryOrder : IComparer<SpoolEntry>
{
    public static readonly SpoolEntryOrder Instance = new();

    public int Compare(SpoolEntry x, SpoolEntry y) => x.Sequence.CompareTo(y.Sequence);
}
