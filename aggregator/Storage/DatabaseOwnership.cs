namespace Warden.Aggregator.Storage;

/// <summary>
/// LiteDB does not stop a second process opening the same file on Linux, and two writers corrupt
/// it. An exclusive lock (flock) on a side file makes one process the sole owner.
/// </summary>
public static class DatabaseOwnership
{
    public static string LockPathOf(string databasePath) => databasePath + ".lock";

    /// <summary>The lock, held until disposed; null when another process holds it.</summary>
    public static FileStream? Acquire(string databasePath)
    {
        try
        {
            return new FileStream(LockPathOf(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(LockPathOf(databasePath)))
        {
            return null;
        }
    }
}
