namespace Warden.Aggregator.Tests.Notifications;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class TestScript
{
    /// <summary>Writes an executable /bin/sh script and returns its path.</summary>
    public static string Write(ScratchDirectory dir, string name, string body)
    {
        var path = dir.File(name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
