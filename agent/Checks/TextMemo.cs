using System.Collections.Concurrent;

namespace Warden.Agent.Checks;

/// <summary>
/// Texts that depend only on configuration (a threshold's "warn ≥ 80 %, crit ≥ 90 %") are written
/// once per distinct key and reused, so judging every few seconds does not rebuild them.
/// </summary>
internal static class TextMemo<TKey> where TKey : notnull
{
    private static readonly ConcurrentDictionary<TKey, string> Texts = new();

    /// <param name="write">A static lambda, so that a lookup allocates nothing.</param>
    public static string Get(TKey key, Func<TKey, string> write) => Texts.GetOrAdd(key, write);
}
