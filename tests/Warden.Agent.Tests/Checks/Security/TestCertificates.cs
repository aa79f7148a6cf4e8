using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Warden.Agent.Tests.Checks.Security;

/// <summary>Real self-signed certificates, made in the test, ending at a chosen time.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Ending(string name, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(notAfter.AddDays(-365), notAfter);
    }

    public static string WritePem(ScratchDirectory scratch, string file, params X509Certificate2[] certificates)
    {
        var path = scratch.File(file);
        File.WriteAllText(path, string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));
        return path;
    }

    public static string WriteDer(ScratchDirectory scratch, string file, X509Certificate2 certificate)
    {
        var path = scratch.File(file);
        File.WriteAllBytes(path, certificate.RawData);
        return path;
    }
}
