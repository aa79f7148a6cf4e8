using System.Diagnostics;
using Warden.Proto.V1;

namespace Warden.EndToEnd.Tests.Harness;

/// <summary>
/// A real aggregator and a real agent whose checks and heal rules the test writes, beside a real
/// "service": a copy of /bin/sleep under a unique name, so the agent's process_running check and the
/// test can find it. Checks run every <see cref="Interval"/> seconds, so a heal takes a few seconds.
/// Every process with the service's name is killed at the end.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class HealScene : IDisposable
{
    public const double Interval = 0.3;

    private HealScene(string host)
    {
        Host = host;
        Name = "wh" + Guid.NewGuid().ToString("N")[..10];
        Binary = Dir.File(Name);
        File.Copy("/bin/sleep", Binary);
    }

    public ScratchDirectory Dir { get; } = new();

    public string Host { get; }

    public string Name { get; }

    public string Binary { get; }

    public string ServiceCheck => $"process_running:{Name}";

    /// <summary>A process_running check on the service, every <see cref="Interval"/> s, for the "Service" section.</summary>
    public string ServiceSection => $$"""{ "Processes": [ { "ProcessName": "{{Name}}", "IntervalSeconds": {{Interval}} } ] }""";

    /// <summary>Shell lines that start the service detached, its streams on /dev/null, so no pipe of the agent's is held.</summary>
    public string StartServiceLine => $"\"{Binary}\" 600 </dev/null >/dev/null 2>&1 &";

    public AggregatorProcess Aggregator { get; private set; } = null!;

    public AgentProcess Agent { get; private set; } = null!;

    public static async Task<HealScene> StartAsync(string host, Func<HealScene, string> checks, Action<HealScene>? before = null)
    {
        var scene = new HealScene(host);
        before?.Invoke(scene);
        scene.Aggregator = await AggregatorProcess.StartAsync(scene.Dir.File("aggregator"));
        scene.Agent = AgentProcess.Start(scene.Dir.Path, host, scene.Aggregator.Address, shipIntervalSeconds: 0.5, checks: checks(scene));
        return scene;
    }

    public string Script(string name, string body) => Dir.Script(name, body);

    public Process StartService() => Process.Start(Binary, "600");

    public int[] Running() => Process.GetProcessesByName(Name).Select(p => p.Id).ToArray();

    public Task UntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(() => Task.FromResult(condition()), what, TimeSpan.FromSeconds(60), Diagnostics);

    /// <summary>
    /// Waits for a line of the agent's log, then until the aggregator has stored every record the agent
    /// had numbered by then: the agent's sequence file holds the last number given out, and is read only
    /// after the agent has connected (which numbers anything made while the sequence was unknown).
    /// </summary>
    public async Task LoggedAndStoredAsync(string text)
    {
        await UntilAsync(() => Agent.Output.Contains(text, StringComparison.Ordinal) && Agent.Output.Contains("connected to aggregator", StringComparison.Ordinal),
            $"the agent to log '{text}' and be connected");
        var numbered = await Eventually.GetAsync<ulong?>(() => Task.FromResult(LastNumbered()), "the agent's sequence file");
        await Eventually.TrueAsync(async () => (await Aggregator.FindHostAsync(Host))?.LastSequence >= numbered,
            $"the aggregator to store up to sequence {numbered}", TimeSpan.FromSeconds(60), Diagnostics);
    }

    private ulong? LastNumbered()
    {
        using var file = new FileStream(Dir.File("agent-state/sequence"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return ulong.TryParse(reader.ReadToEnd().Trim(), System.Globalization.CultureInfo.InvariantCulture, out var last) && last > 0 ? last : null;
    }

    /// <summary>Stops both programs cleanly and reads the heal events of <paramref name="check"/> from the store.</summary>
    public async Task<List<HealEvent>> StoredHealsAsync(string check)
    {
        await Agent.StopAsync();
        Assert.Equal(0, await Aggregator.StopAsync());
        return StoreFile.Events(Aggregator.DatabasePath, Host).Where(e => e.Heal?.Check == check).Select(e => e.Heal).ToList();
    }

    public List<CheckTransition> StoredTransitions(string check) =>
        StoreFile.Events(Aggregator.DatabasePath, Host).Where(e => e.CheckTransition?.Check == check).Select(e => e.CheckTransition).ToList();

    private string Diagnostics() => Agent.Output + Aggregator.Output;

    public void Dispose()
    {
        Agent?.Dispose();
        Aggregator?.Dispose();
        foreach (var process in Process.GetProcessesByName(Name))
        {
            process.Kill();
            process.Dispose();
        }
        Dir.Dispose();
    }
}
