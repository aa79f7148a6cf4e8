using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Warden.Agent.Checks.Security;

/// <summary>
/// The certificates in one file: PEM (every "-----BEGIN CERTIFICATE-----" block, so a chain or
/// bundle yields all of them; other blocks such as a private key are ignored) or a single DER
/// certificate. Missing, unreadable or garbled files are a problem naming the path, never a throw.
/// </summary>
internal static class CertificateFile
{
    private const int MaxSize = 1024 * 1024;

    public static CertificateReading Read(string path)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxSize)
            {
                return CertificateReading.Failed($"{path} is larger than {MaxSize} bytes; not a certificate file");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CertificateReading.Failed($"cannot read {path}: {e.Message}");
        }
        try
        {
            var found = bytes.AsSpan().IndexOf("-----BEGIN "u8) >= 0 ? FromPem(bytes) : [FromDer(bytes)];
            return found.Count == 0
                ? CertificateReading.Failed($"{path} holds no CERTIFICATE block")
                : new CertificateReading(found, "");
        }
        catch (CryptographicException e)
        {
            return CertificateReading.Failed($"{path} is not a PEM or DER certificate: {e.Message}");
        }
    }

    private static List<CertificateExpiry> FromPem(byte[] bytes)
    {
        var found = new List<CertificateExpiry>();
        ReadOnlySpan<char> text = Encoding.ASCII.GetString(bytes);
        while (PemEncoding.TryFind(text, out var fields))
        {
            if (text[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                var der = new byte[fields.DecodedDataLength];
                if (!Convert.TryFromBase64Chars(text[fields.Base64Data], der, out var written))
                {
                    throw new CryptographicException("a CERTIFICATE block is not base64");
                }
                found.Add(FromDer(der.AsSpan(0, written)));
            }
            text = text[fields.Location.End..];
        }
        return found;
    }

    private static CertificateExpiry FromDer(ReadOnlySpan<byte> der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return new CertificateExpiry(certificate.Subject, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }
}

/// <summary>One certificate's subject and the end of its validity.</summary>
internal readonly record struct CertificateExpiry(string Subject, DateTimeOffset NotAfter);

/// <summary>The certificates of a file in file order, or why there are none.</summary>
internal sealed record CertificateReading(IReadOnlyList<CertificateExpiry> Certificates, string Problem)
{
    public static CertificateReading Failed(string problem) => new([], problem);
}
