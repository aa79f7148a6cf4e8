namespace Warden.EndToEnd.Tests.Harness;

/// <summary>A real warden-agent reading this machine's /proc, with its own config and state.</summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly RunningProcess _process;

    private AgentProcess(RunningProcess process, string host)
    {
        _process = process;
        Host = host;
    }

    public string Host { get; }

    public string Output => _process.Output;

    public string StateDirectory { get; private init; } = "";

    public int Id => _process.Id;

    /// <param name="checks">The "Checks" section as JSON, when the test configures checks and heal rules.</param>
    public static AgentProcess Start(string directory, string host, string aggregatorAddress, double shipIntervalSeconds = 1, string? checks = null) =>
        Start(directory, host, [aggregatorAddress], shipIntervalSeconds, topLevelKeys: checks is null ? "" : "\"Checks\": " + checks);

    /// <param name="aggregatorKeys">More keys for the Aggregator section, as JSON members ("BatchDelayMs": 0).</param>
    /// <param name="topLevelKeys">More top-level keys, as JSON members ("Checks": { ... }).</param>
    public static AgentProcess Start(string directory, string host, string[] endpoints, double shipIntervalSeconds = 1,
        string aggregatorKeys = "", string topLevelKeys = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "agent.json");
        var state = Path.Combine(directory, "agent-state");
        var list = string.Join(", ", endpoints.Select(e => $"\"{e}\""));
        File.WriteAllText(config, $$"""
            {
              // written by the end-to-end tests
              "Host": "{{host}}",
              "StateDirectory": "{{state}}",
              "Aggregator": { "Endpoints": [ {{list}} ], "ReconnectMinSeconds": 0.2, "ReconnectMaxSeconds": 1{{Members(aggregatorKeys)}} },
              "Sampling": { "SenseIntervalSeconds": {{Math.Min(1, shipIntervalSeconds)}}, "ShipIntervalSeconds": {{shipIntervalSeconds}} }{{Members(topLevelKeys)}}
            }
            """);
        return new AgentProcess(RunningProcess.Start("warden-agent", ["--config", config], environment), host) { StateDirectory = state };
    }

    /// <summary>The last sequence number the agent handed out (its counter file, written before use).</summary>
    public ulong LastNumbered()
    {
        var path = Path.Combine(StateDirectory, "sequence");
        try
        {
            return ulong.TryParse(File.ReadAllText(path).Trim(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var last) ? last : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Members(string json) => json.Length == 0 ? "" : ", " + json;

    public void Kill() => _process.Kill();

    public Task<int> StopAsync() => _process.StopAsync();

    public void Dispose() => _process.Dispose();
}
