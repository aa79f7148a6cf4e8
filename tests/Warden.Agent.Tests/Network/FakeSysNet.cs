namespace Warden.Agent.Tests.Network;

/// <summary>A sys tree in a scratch folder with class/net/NAME/{operstate,carrier} written by hand.</summary>
internal sealed class FakeSysNet : IDisposable
{
    private readonly ScratchDirectory _scratch = TestTrees.Scratch();

    public FakeSysNet() => Directory.CreateDirectory(ClassNet);

    public string Sys => _scratch.Path;

    public string ClassNet => Path.Combine(_scratch.Path, "class", "net");

    /// <summary>Creates or changes an interface; a null carrier leaves no carrier file (as unreadable).</summary>
    public FakeSysNet Set(string name, string operstate, string? carrier = "1")
    {
        var dir = Path.Combine(ClassNet, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "operstate"), operstate + "\n");
        var carrierPath = Path.Combine(dir, "carrier");
        if (carrier is null)
        {
            File.Delete(carrierPath);
        }
        else
        {
            File.WriteAllText(carrierPath, carrier + "\n");
        }
        return this;
    }

    public void Remove(string name) => Directory.Delete(Path.Combine(ClassNet, name), recursive: true);

    public Agent.Checks.HostPaths Paths => new("/nonexistent-proc", Sys, "/nonexistent-cgroup", "/nonexistent-run");

    public void Dispose() => _scratch.Dispose();
}
