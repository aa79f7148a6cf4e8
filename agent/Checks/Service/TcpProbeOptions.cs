namespace Warden.Agent.Checks.Service;

/// <summary>
/// One TCP endpoint (check "tcp_probe"): connect within TimeoutSeconds, optionally send Send and
/// wait for Expect in the answer. Latency at or above Warn / Crit milliseconds is WARN / CRIT.
/// </summary>
public sealed class TcpProbeOptions
{
    /// <summary>Subject shown for this probe; default: "Host:Port".</summary>
    public string? Name { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; }

    /// <summary>Text sent (UTF-8) once connected, e.g. "PING\r\n".</summary>
    public string? Send { get; set; }

    /// <summary>Text the answer must contain, e.g. "+PONG".</summary>
    public string? Expect { get; set; }

    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 30;

    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>Milliseconds.</summary>
    public double Warn { get; set; } = 500;

    /// <summary>Milliseconds.</summary>
    public double Crit { get; set; } = 2000;

    internal string Subject => string.IsNullOrEmpty(Name) ? $"{Host}:{Port}" : Name;
}
