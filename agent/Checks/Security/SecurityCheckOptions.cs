namespace Warden.Agent.Checks.Security;

/// <summary>"Checks:Security": certificate files to watch. The list starts empty (the binder appends).</summary>
public sealed class SecurityCheckOptions
{
    public const string Section = "Checks:Security";

    public CertificateOptions[] Certificates { get; set; } = [];

    /// <summary>Problems with these values, each naming its key and the bad value.</summary>
    internal IEnumerable<string> Problems()
    {
        for (var i = 0; i < Certificates.Length; i++)
        {
            var path = $"{Section}:Certificates:{i}";
            var certificate = Certificates[i];
            if (string.IsNullOrWhiteSpace(certificate.Path))
            {
                yield return $"{path}:Path: must name a PEM or DER certificate file";
            }
            if (!(certificate.IntervalSeconds > 0) || double.IsInfinity(certificate.IntervalSeconds))
            {
                yield return $"{path}:IntervalSeconds: {certificate.IntervalSeconds} must be a positive number of seconds";
            }
            if (!double.IsFinite(certificate.Warn) || !double.IsFinite(certificate.Crit) || certificate.Crit < 0 || certificate.Warn <= certificate.Crit)
            {
                yield return $"{path}: Warn {certificate.Warn} and Crit {certificate.Crit} must be days with Warn above Crit (fewer days left is worse)";
            }
        }
        foreach (var duplicate in Certificates.GroupBy(c => c.Subject, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"{Section}:Certificates: '{duplicate.Key}' appears {duplicate.Count()} times; give each a distinct Name";
        }
    }
}
