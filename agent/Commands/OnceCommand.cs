using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Warden.Agent.Checks;
using Warden.Agent.Configuration;
using Warden.Agent.Sensing;
using Warden.Agent.Streaming;

namespace Warden.Agent.Commands;

/// <summary>
/// `warden-agent once [--json]`: senses and evaluates every enabled check once and prints the
/// readings, the results and the scores. Rates (CPU shares, disk and network rates) need two reads,
/// so everything is read once to prime, then again after a short pause and reported.
/// </summary>
internal static class OnceCommand
{
    public static readonly TimeSpan PrimingPause = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(AgentOptions options, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        using var sensor = new HostSensor(options.ProcRoot);
        var readings = new HostReadings();
        using var runner = new CheckRunner(CheckCatalog.Create(options, time), time, NullLogger.Instance);

        sensor.Sense(readings);
        await runner.EvaluateAllOnceAsync(cancellationToken);
        await Task.Delay(PrimingPause, time, cancellationToken);
        sensor.Sense(readings);
        var outcomes = await runner.EvaluateAllOnceAsync(cancellationToken);

        var identity = new AgentIdentity(options, time);
        var report = OnceReport.From(identity.Host, time.GetUtcNow(), readings, outcomes);
        await output.WriteAsync(json ? JsonSerializer.Serialize(report, OnceJsonContext.Default.OnceReport) + "\n" : report.ToText());
        return 0;
    }
}
