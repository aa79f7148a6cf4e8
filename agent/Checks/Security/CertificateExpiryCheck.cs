using System.Globalization;

namespace Warden.Agent.Checks.Security;

/// <summary>
/// "certificate_expiry": days until the file's earliest NotAfter, lower is worse (default warn 30,
/// crit 7); expired is CRIT "expired N days ago"; a missing or garbled file is UNKNOWN.
/// </summary>
internal sealed class CertificateExpiryCheck(CertificateOptions options, TimeProvider time) : ICheck
{
    public const string CheckName = "certificate_expiry";

    public string Name { get; } = $"{CheckName}:{options.Subject}";

    public Component Component => Component.Security;

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(options.IntervalSeconds);

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        var result = Judge(CertificateFile.Read(options.Path), time.GetUtcNow(), new Threshold(options.Warn, options.Crit));
        results.Add(new CheckOutcome(CheckName, options.Subject, Component.Security, result));
        return ValueTask.CompletedTask;
    }

    public static CheckResult Judge(CertificateReading reading, DateTimeOffset now, Threshold threshold)
    {
        if (reading.Certificates.Count == 0)
        {
            return CheckResult.Unknown(reading.Problem);
        }
        var first = reading.Certificates.MinBy(c => c.NotAfter);
        var days = Math.Round((first.NotAfter - now).TotalDays, 1);
        var rule = threshold.Describe("days");
        var of = reading.Certificates.Count == 1 ? first.Subject : $"{first.Subject} (earliest of {reading.Certificates.Count})";
        var when = first.NotAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (first.NotAfter <= now)
        {
            var ago = Math.Floor((now - first.NotAfter).TotalDays);
            return new(CheckStatus.Crit, days, rule, $"{of} expired {ago:0} days ago ({when})");
        }
        return new(threshold.Judge(days), days, rule, $"{of} expires in {days:0.#} days ({when})");
    }
}
