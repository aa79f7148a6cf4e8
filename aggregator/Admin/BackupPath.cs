namespace Warden.Aggregator.Admin;

/// <summary>Checks where a backup may be written: an absolute path, in a folder that exists, not the database itself.</summary>
public static class BackupPath
{
    public static string? Problem(string path, string databasePath)
    {
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path))
        {
            return $"backup path '{path}' is not an absolute path";
        }
        var full = Path.GetFullPath(path);
        if (string.Equals(full, Path.GetFullPath(databasePath), StringComparison.Ordinal))
        {
            return $"backup path '{path}' is the database itself";
        }
        if (Directory.Exists(full))
        {
            return $"backup path '{path}' is a directory; name the file to write";
        }
        var folder = Path.GetDirectoryName(full);
        return folder is null || !Directory.Exists(folder) ? $"backup path '{path}': folder {folder} does not exist" : null;
    }
}
