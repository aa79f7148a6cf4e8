namespace Warden.Testing;

/// <summary>A fresh temp folder for one test, removed when disposed. Linked into each test project.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    /// <param name="parent">Where to create it; the temp folder by default.</param>
    public ScratchDirectory(string? parent = null)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "warden-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes an executable /bin/sh script here and returns its path.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public string Script(string name, string body)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, "#!/bin/sh\n" + body);
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process under test may still hold a file; the temp folder is cleaned by the OS later.
        }
    }
}
