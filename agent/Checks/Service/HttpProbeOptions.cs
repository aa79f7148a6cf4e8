namespace Warden.Agent.Checks.Service;

/// <summary>
/// One HTTP(S) endpoint (check "http_probe"): GET Url within TimeoutSeconds; the status must lie in
/// StatusMin..StatusMax (redirects are not followed) and, when set, the body must contain Body.
/// Latency at or above Warn / Crit milliseconds is WARN / CRIT.
/// </summary>
public sealed class HttpProbeOptions
{
    /// <summary>Subject shown for this probe; default: Url.</summary>
    public string? Name { get; set; }

    public string Url { get; set; } = "";

    public int StatusMin { get; set; } = 200;

    public int StatusMax { get; set; } = 399;

    /// <summary>Text the first 1 MiB of the body must contain.</summary>
    public string? Body { get; set; }

    /// <summary>
    /// Accept any server certificate (self-signed endpoints). The probe then proves reachability,
    /// not identity; leave false wherever the endpoint has a certificate the host trusts.
    /// </summary>
    public bool SkipCertificateValidation { get; set; }

    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 30;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Milliseconds.</summary>
    public double Warn { get; set; } = 500;

    /// <summary>Milliseconds.</summary>
    public double Crit { get; set; } = 2000;

    internal string Subject => string.IsNullOrEmpty(Name) ? Url : Name;
}
