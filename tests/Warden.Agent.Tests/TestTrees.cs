using Warden.Testing;

namespace Warden.Agent.Tests;

/// <summary>The real host trees in tests/fixtures/hosts, and scratch copies of them.</summary>
internal static class TestTrees
{
    public const string Cgroup2Host = "cgroup2-16cpu";
    public const string Cgroup1Host = "cgroup1-hybrid-2cpu";

    public static string FixtureRoot { get; } = FindFixtureRoot();

    public static string Proc(string host) => Path.Combine(FixtureRoot, host, "proc");

    public static byte[] ProcBytes(string host, string file) => File.ReadAllBytes(Path.Combine(Proc(host), file));

    /// <summary>A fresh temp folder, removed when disposed.</summary>
    public static ScratchDirectory Scratch() => new();

    /// <summary>A writable copy of a fixture host's proc tree.</summary>
    public static ScratchDirectory CopyOfProc(string host)
    {
        var scratch = new ScratchDirectory();
        CopyDirectory(Proc(host), scratch.Path);
        return scratch;
    }

    /// <summary>A writable copy of a whole fixture host (proc/, cgroup/, ...).</summary>
    public static ScratchDirectory CopyOfHost(string host)
    {
        var scratch = new ScratchDirectory();
        CopyDirectory(Path.Combine(FixtureRoot, host), scratch.Path);
        return scratch;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    private static string FindFixtureRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "hosts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"tests/fixtures/hosts not found above {AppContext.BaseDirectory}");
    }
}
