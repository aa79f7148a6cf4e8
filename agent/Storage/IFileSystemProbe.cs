namespace Warden.Agent.Storage;

/// <summary>Asks the kernel about the filesystem mounted at a path (statvfs live, a fake in tests).</summary>
internal interface IFileSystemProbe
{
    /// <summary>False with an errno name ("EACCES", "ESTALE") when the filesystem could not be asked.</summary>
    bool TryQuery(string mountPoint, out FileSystemStats stats, out string error);
}
