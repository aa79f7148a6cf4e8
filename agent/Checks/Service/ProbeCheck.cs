using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>
/// "tcp_probe" and "http_probe": CRIT when the probe fails (refused, timeout, wrong status or
/// body), else the latency in milliseconds against warn/crit. A failed probe has no value.
/// </summary>
internal sealed class ProbeCheck(string checkName, string subject, Func<CancellationToken, Task<ProbeResult>> probe,
    Threshold threshold, TimeSpan interval) : ICheck
{
    public const string TcpName = "tcp_probe";
    public const string HttpName = "http_probe";

    public string Name { get; } = $"{checkName}:{subject}";

    public Component Component => Component.Service;

    public TimeSpan Interval => interval;

    public async ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        var result = Judge(await probe(cancellationToken).ConfigureAwait(false), threshold);
        results.Add(new CheckOutcome(checkName, subject, Component.Service, result));
    }

    public static CheckResult Judge(ProbeResult probe, Threshold threshold)
    {
        var rule = threshold.Describe("ms");
        if (!probe.Succeeded)
        {
            return new(CheckStatus.Crit, double.NaN, rule, probe.Detail);
        }
        var ms = Math.Round(probe.Latency.TotalMilliseconds, 1);
        return new(threshold.Judge(ms), ms, rule, $"{probe.Detail} in {ms:0.#} ms");
    }
}
