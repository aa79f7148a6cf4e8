using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Warden.Agent.Checks;
using Warden.Agent.Checks.Service;
using Warden.Agent.Configuration;
using Warden.Agent.Healing;
using Warden.Agent.Services;
using Warden.Agent.Spool;
using Warden.Agent.State;
using Warden.Agent.Streaming;
using Warden.Proto.V1;

namespace Warden.Agent.Tests.Healing;

/// <summary>
/// A real service for heal tests: a copy of /bin/sleep under a unique name, a script that starts it
/// again, a process_running check on it, and a CheckService on a fake clock whose evaluations the
/// test drives. Every process with the service's name is killed at the end.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class HealHarness : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly SequenceCounter _counter;
    private readonly RecordSpool _spool;
    private readonly PendingRecords _pending;
    private readonly ProcessRunningCheck _check;
    private readonly CheckRunner _runner;

    public HealHarness(Action<ChecksOptions, HealHarness> configure)
    {
        Name = "wh" + Guid.NewGuid().ToString("N")[..10];
        Binary = Dir.File(Name);
        File.Copy("/bin/sleep", Binary);
        // Starts the service detached (output to /dev/null, so the action's pipes close) and returns
        // once the new process really runs under its name, not while it is still the forked shell.
        StartScript = Script("start.sh", $"\"{Binary}\" 600 </dev/null >/dev/null 2>&1 &\nwhile [ \"$(cat /proc/$!/comm 2>/dev/null)\" != \"{Name}\" ]; do :; done\n");
        _counter = SequenceCounter.Open(Dir.Path);
        _counter.EnsureAbove(0);
        _spool = RecordSpool.Open(Dir.File("spool"), new SpoolOptions(), new FakeTimeProvider());
        _pending = new PendingRecords(_counter, _spool, 1 << 20);
        var options = new AgentOptions();
        configure(options.Checks, this);
        _check = new ProcessRunningCheck(new ProcessCheckOptions { ProcessName = Name, IntervalSeconds = Interval.TotalSeconds }, new ProcessTable("/proc"));
        _runner = new CheckRunner([_check], Time, NullLogger.Instance);
        Service = new CheckService(_runner, _pending, options, Time, NullLogger<CheckService>.Instance);
    }

    public ScratchDirectory Dir { get; } = TestTrees.Scratch();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    public string Name { get; }

    public string Binary { get; }

    public string StartScript { get; }

    public string CheckKey => $"{ProcessRunningCheck.CheckName}:{Name}";

    public CheckService Service { get; }

    public string Script(string name, string body) => Dir.Script(name, body);

    public Process StartService() => Process.Start(Binary, "600");

    public List<int> Running() => new ProcessTable("/proc").Matching(ProcessMatcher.ByName(Name));

    /// <summary>One evaluation of the real check, judged by the CheckService (and so the Healer).</summary>
    public async Task<CheckStatus> EvaluateAsync()
    {
        await _runner.EvaluateAsync(_check, CancellationToken.None);
        return _runner.Latest().Single().Result.Status;
    }

    public Task HealsDoneAsync() => Service.Healer.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public List<HealEvent> Heals() => Events().Where(e => e.Heal is not null).Select(e => e.Heal).ToList();

    public List<Event> Events() =>
        _pending.NumberedAfter(0, 10_000).Where(m => m.Events is not null).SelectMany(m => m.Events.Events).ToList();

    public void Dispose()
    {
        Service.Healer.Stop();
        foreach (var pid in Running())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
        _spool.Dispose();
        _counter.Dispose();
        Dir.Dispose();
    }
}
