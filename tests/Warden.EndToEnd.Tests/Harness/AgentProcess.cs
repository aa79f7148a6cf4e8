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

    /// <param name="checks">The "Checks" section as JSON, when the test configures checks and heal rules.</param>
    public static AgentProcess Start(string directory, string host, string aggregatorAddress, double shipIntervalSeconds = 1, string? checks = null)
    {
        var config = Path.Combine(directory, "agent.json");
        File.WriteAllText(config, $$"""
            {
              // written by the end-to-end tests
              "Host": "{{host}}",
              "StateDirectory": "{{Path.Combine(directory, "agent-state")}}",
              "Aggregator": { "Endpoints": [ "{{aggregatorAddress}}" ], "ReconnectMinSeconds": 0.2, "ReconnectMaxSeconds": 1 },
              "Sampling": { "SenseIntervalSeconds": {{Math.Min(1, shipIntervalSeconds)}}, "ShipIntervalSeconds": {{shipIntervalSeconds}} }{{(checks is null ? "" : ",\n  \"Checks\": " + checks)}}
            }
            """);
        return new AgentProcess(RunningProcess.Start("warden-agent", "--config", config), host);
    }

    public void Kill() => _process.Kill();

    public Task<int> StopAsync() => _process.StopAsync();

    public void Dispose() => _process.Dispose();
}
