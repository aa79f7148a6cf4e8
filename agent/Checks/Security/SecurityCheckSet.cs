namespace Warden.Agent.Checks.Security;

/// <summary>The security checks configured under "Checks:Security": one per enabled certificate file.</summary>
internal static class SecurityCheckSet
{
    /// <summary>Options must have passed <see cref="SecurityCheckOptions.Problems"/>.</summary>
    public static IReadOnlyList<ICheck> Create(SecurityCheckOptions o, TimeProvider time) =>
        [.. o.Certificates.Where(c => c.Enabled).Select(c => new CertificateExpiryCheck(c, time))];
}
