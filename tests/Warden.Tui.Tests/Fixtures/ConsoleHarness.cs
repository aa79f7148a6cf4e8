using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Warden.Tui.Model;
using Warden.Tui.Views;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>
/// The whole console, headless: Terminal.Gui's ANSI driver with virtual time draws into an
/// in-memory buffer we read back; keys are injected through the app as a terminal would send them.
/// The host feed runs on a fake clock; refreshes run at once instead of on the next loop turn.
/// </summary>
internal sealed class ConsoleHarness : IDisposable
{
    public const string Address = "http://agg:7400";

    private readonly IApplication _app;
    private readonly ConsoleApp _console;

    /// <param name="aggregator">Where the operator calls go (report, audit, silences, s, c); null leaves them out.</param>
    /// <param name="refreshEvery">The least time between feed-driven redraws, on <see cref="Time"/>; none by default.</param>
    public ConsoleHarness(int width = 80, int height = 24, bool readOnly = false, bool colors = false, Uri? aggregator = null, Warden.Tui.Formatting.SparkGlyphs? glyphs = null, TimeSpan? refreshEvery = null, TimeSpan? repaintEvery = null)
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        State = new HostListState(Time);
        Incidents = new IncidentListState(Time);
        _operatorCalls = aggregator is null ? null : new OperatorCallsOnLoopback(aggregator, Operator);
        _console = ConsoleApp.Create(_app, State, new ShellOptions(Address, readOnly) { RefreshEvery = refreshEvery ?? TimeSpan.Zero, RepaintEvery = repaintEvery ?? TimeSpan.FromSeconds(10), Time = Time }, colors, post: Post,
            incidents: post => new IncidentServices(Incidents, Actions, post) { GetHost = GetHost, Glyphs = glyphs ?? Warden.Tui.Formatting.SparkGlyphs.Blocks }, calls: _operatorCalls?.Calls);
        _app.Begin(_console.Window);
    }

    /// <summary>The name the console sends as "warden-operator".</summary>
    public const string Operator = "test-operator";

    private readonly OperatorCallsOnLoopback? _operatorCalls;
    private readonly int _uiThread = Environment.CurrentManagedThreadId;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Action> _posted = new();
    private readonly SemaphoreSlim _postedSignal = new(0);

    // On the test thread (answers already there) at once; from a gRPC answer on another thread,
    // queued until the test waits for it, as the real app's main loop would.
    private void Post(Action action)
    {
        if (Environment.CurrentManagedThreadId == _uiThread)
        {
            action();
            return;
        }

        _posted.Enqueue(action);
        _postedSignal.Release();
    }

    /// <summary>Runs what the console's calls posted back until <paramref name="condition"/> holds (at most 15 s).</summary>
    public void WaitFor(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            while (_posted.TryDequeue(out Action? action))
            {
                action();
            }

            if (condition())
            {
                return;
            }

            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_postedSignal.Wait(left))
            {
                throw new TimeoutException($"waited 15 s for {what}; the screen:\n{Screen()}");
            }
        }
    }

    /// <summary>Waits until the screen shows <paramref name="text"/> and returns the screen.</summary>
    public string WaitForText(string text)
    {
        WaitFor(() => Screen().Contains(text, StringComparison.Ordinal), $"'{text}' on screen");
        return Screen();
    }

    public FakeTimeProvider Time { get; } = new(Hosts.ServerTime);

    public HostListState State { get; }

    public IncidentListState Incidents { get; }

    public RecordingIncidentActions Actions { get; } = new();

    /// <summary>What GetHost answers per host; a host not here is NOT_FOUND, as on the aggregator.</summary>
    public Dictionary<string, Proto.V1.GetHostResponse> HostDetails { get; } = [];

    public int GetHostCalls { get; private set; }

    private Task<Proto.V1.GetHostResponse> GetHost(string host)
    {
        GetHostCalls++;
        return HostDetails.TryGetValue(host, out Proto.V1.GetHostResponse? response)
            ? Task.FromResult(response)
            : Task.FromException<Proto.V1.GetHostResponse>(new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"no host {host}")));
    }

    public ConsoleShell Shell => _console.Shell;

    public bool StopRequested => _console.Window.StopRequested;

    public void Resize(int width, int height) => _app.Driver!.SetScreenSize(width, height);

    public void Snapshot(params Proto.V1.HostSummary[] hosts)
    {
        foreach (Proto.V1.HostSummary host in hosts)
        {
            State.HostUpserted(host);
        }

        State.SnapshotEnded(Hosts.ServerTime);
    }

    public void IncidentSnapshot(params Proto.V1.IncidentSummary[] incidents)
    {
        foreach (Proto.V1.IncidentSummary incident in incidents)
        {
            Incidents.IncidentUpserted(incident);
        }

        Incidents.SnapshotEnded(Hosts.ServerTime);
    }

    /// <summary>Types each character as its own key press.</summary>
    public void Type(string text)
    {
        foreach (char c in text)
        {
            Press(new Key(c));
        }
    }

    public void Press(Key key)
    {
        Screen();
        _app.InjectKey(key);
    }

    /// <summary>What the last drawn frame sent to the terminal: only the cells written in it.</summary>
    public string LastOutput => _app.Driver!.GetOutput().GetLastOutput();

    public string Screen()
    {
        _app.LayoutAndDraw();
        return _app.Driver!.ToString() ?? string.Empty;
    }

    /// <summary>The screen's lines, trailing blanks removed.</summary>
    public string[] Lines() => Screen().Split('\n').Select(l => l.TrimEnd()).ToArray();

    /// <summary>The bottom line inside the window: hints, the text being typed, a question or a message.</summary>
    public string StatusLine()
    {
        string[] lines = Lines();
        return lines[Array.FindLastIndex(lines, l => l.StartsWith('└')) - 1];
    }

    /// <summary>The help screen's text from its top to its end, paging down (PgDn) while it scrolls.</summary>
    public string HelpText()
    {
        var pages = new System.Text.StringBuilder(Screen());
        for (int page = 0; page < 20; page++)
        {
            string before = Screen();
            Press(Key.PageDown);
            string after = Screen();
            if (after == before)
            {
                break;
            }

            pages.Append('\n').Append(after);
        }

        return pages.ToString();
    }

    /// <summary>The line of the table that shows <paramref name="host"/>.</summary>
    public string RowOf(string host) => Lines().Single(l => l.Contains(host, StringComparison.Ordinal));

    /// <summary>The foreground colour of the first cell of the first place <paramref name="text"/> shows.</summary>
    public Color? ForegroundAt(string text)
    {
        string[] lines = Lines();
        for (int row = 0; row < lines.Length; row++)
        {
            int col = lines[row].IndexOf(text, StringComparison.Ordinal);
            if (col >= 0)
            {
                return _app.Driver!.Contents![row, col].Attribute?.Foreground;
            }
        }

        throw new InvalidOperationException($"'{text}' is not on screen:\n{Screen()}");
    }

    public void Dispose()
    {
        _console.Dispose();
        _app.Dispose();
        _operatorCalls?.Dispose();
        _postedSignal.Dispose();
    }
}
