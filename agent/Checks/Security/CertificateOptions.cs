namespace Warden.Agent.Checks.Security;

/// <summary>
/// One certificate file (check "certificate_expiry"): days until it expires, lower is worse. In a
/// PEM chain or bundle the certificate that expires first is judged, since it breaks the chain.
/// </summary>
public sealed class CertificateOptions
{
    /// <summary>Subject shown for this file; default: Path.</summary>
    public string? Name { get; set; }

    /// <summary>PEM (one or more certificates) or DER file. Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>Days left at or below which the check is WARN.</summary>
    public double Warn { get; set; } = 30;

    /// <summary>Days left at or below which the check is CRIT; expired is always CRIT.</summary>
    public double Crit { get; set; } = 7;

    public bool Enabled { get; set; } = true;

    public double IntervalSeconds { get; set; } = 3600;

    internal string Subject => string.IsNullOrEmpty(Name) ? Path : Name;
}
