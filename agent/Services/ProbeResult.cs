namespace Warden.Agent.Services;

/// <summary>
/// One probe: whether the target answered as expected, how long it took, and a short account
/// ("HTTP 200", "connection refused", "no answer within 2 s").
/// </summary>
internal readonly record struct ProbeResult(bool Succeeded, TimeSpan Latency, string Detail)
{
    public static ProbeResult Up(TimeSpan latency, string detail) => new(true, latency, detail);

    public static ProbeResult Down(TimeSpan latency, string detail) => new(false, latency, detail);
}
