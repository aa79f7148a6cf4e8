using System.IO.Enumeration;
using Warden.Agent.Services;

namespace Warden.Agent.Storage;

/// <summary>A regular file found below a directory: its path, size in bytes and last write time.</summary>
internal readonly record struct WalkedFile(string Path, long Length, DateTimeOffset LastWrite);

/// <summary>
/// The files below a directory and its subdirectories, for directory_size and clean-directory. Symbolic
/// links are neither listed nor followed, so a walk never leaves the directory it was given.
/// </summary>
internal static class DirectoryWalk
{
    /// <summary>Files whose name matches <paramref name="pattern"/> (a glob); unreadable subdirectories are skipped.</summary>
    public static IEnumerable<WalkedFile> Files(string root, string pattern = "*") =>
        new FileSystemEnumerable<WalkedFile>(root,
            static (ref FileSystemEntry e) => new WalkedFile(e.ToFullPath(), e.Length, e.LastWriteTimeUtc),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !IsLink(ref e) && Glob.IsMatch(pattern, e.FileName),
            ShouldRecursePredicate = static (ref FileSystemEntry e) => !IsLink(ref e),
        };

    /// <summary>Null when <paramref name="path"/> is a real directory; otherwise why it cannot be walked.</summary>
    public static string? Refusal(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null)
        {
            return $"{path} is a symbolic link (to {info.LinkTarget}); it is not followed";
        }
        return info.Exists ? null : $"{path} does not exist or is not a directory";
    }

    private static bool IsLink(ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0;
}
