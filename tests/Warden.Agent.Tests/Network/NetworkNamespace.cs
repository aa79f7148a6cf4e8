using System.Diagnostics;

namespace Warden.Agent.Tests.Network;

/// <summary>
/// A network namespace of the test's own, with a sysfs mounted for it in a scratch folder, so that
/// real interfaces can go up and down without touching the host's. Needs root, iproute2, nsenter
/// and veth; <see cref="WhyUnavailable"/> says what is missing. Everything goes on Dispose; a run
/// killed midway leaves a namespace named warden-test-* (ip netns list) and its mount.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);
    private readonly ScratchDirectory _scratch = TestTrees.Scratch();
    private bool _mounted;

    public NetworkNamespace()
    {
        Name = "warden-test-" + Guid.NewGuid().ToString("N")[..8];
        Run("ip", "netns", "add", Name);
        try
        {
            Directory.CreateDirectory(Sys);
            // nsenter enters only the network namespace, so the mount is made in ours, and a sysfs
            // mounted from inside a network namespace shows that namespace's interfaces.
            Run("nsenter", $"--net=/run/netns/{Name}", "mount", "-t", "sysfs", "sysfs", Sys);
            _mounted = true;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Null where namespaces work here; otherwise why not, for the skip message.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public string Name { get; }

    public string Sys => _scratch.File("sys");

    public void Ip(params string[] args) => Run("ip", ["-n", Name, .. args]);

    /// <summary>The namespace's own /proc/net/dev, read by a process inside it.</summary>
    public string NetDev() => Run("ip", "netns", "exec", Name, "cat", "/proc/net/dev");

    /// <summary>
    /// Polls until the kernel shows a change: operstate follows a link change through the
    /// linkwatch work queue, which may run up to a second later. This waits for the kernel, not a timer.
    /// </summary>
    public static bool Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(5))
            {
                return false;
            }
            Thread.Sleep(25);
        }
        return true;
    }

    private static string? Probe()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "needs root to create a network namespace";
        }
        try
        {
            using var probe = new NetworkNamespace();
            probe.Ip("link", "add", "probe0", "type", "veth", "peer", "name", "probe1");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "network namespaces or veth do not work here: " + e.Message;
        }
    }

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish in 10 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result.Trim()}");
        }
        return stdout.Result;
    }

    public void Dispose()
    {
        if (_mounted)
        {
            try
            {
                Run("umount", Sys);
            }
            catch (InvalidOperationException)
            {
                Run("umount", "-l", Sys);
            }
        }
        // Deleting the namespace deletes the interfaces in it.
        Run("ip", "netns", "del", Name);
        _scratch.Dispose();
    }
}
