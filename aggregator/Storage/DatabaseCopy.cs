namespace Warden.Aggregator.Storage;

/// <summary>Copies a checkpointed data file to a backup path: written beside it, flushed, then renamed into place.</summary>
internal static class DatabaseCopy
{
    public static void CopyDataFile(string source, string destination)
    {
        var target = System.IO.Path.GetFullPath(destination);
        var temporary = target + ".partial";
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var to = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            from.CopyTo(to, 1 << 20);
            to.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
    }
}
