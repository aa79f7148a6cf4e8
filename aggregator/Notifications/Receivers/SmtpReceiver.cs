using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Warden.Aggregator.Notifications.Receivers;

/// <summary>
/// Mails a plain-text summary of the message through a site relay with System.Net.Mail: one SMTP
/// session per message, STARTTLS only when configured, no authentication.
/// </summary>
internal sealed class SmtpReceiver(SmtpReceiverOptions options) : INotificationReceiver
{
    public string Kind => "smtp";

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        using var mail = new MailMessage
        {
            From = new MailAddress(options.From),
            Subject = SubjectTemplate.Render(options.Subject, message),
            Body = Body(message),
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        options.To.ForEach(mail.To.Add);
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.StartTls, UseDefaultCredentials = false };
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException e)
        {
            var inner = e.InnerException is { } cause ? $" ({cause.Message})" : "";
            throw new ReceiverFailedException($"{options.Host}:{options.Port} refused the mail: {e.StatusCode}: {e.Message}{inner}");
        }
    }

    /// <summary>One paragraph per incident, most recent state first in the line.</summary>
    public static string Body(NotificationMessage m)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{m.FiringCount} firing, {m.ResolvedCount} resolved; group {m.GroupText}");
        text.Append(m.Repeat ? " (repeat)" : "").AppendLine();
        if (m.Dropped > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{m.Dropped} more notices were dropped: the group was full.");
        }
        foreach (var n in m.Notices)
        {
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"[{NoticeDocument.KindName(n.Kind).ToUpperInvariant()}] {n.Severity} {n.Title}")
                .AppendLine(CultureInfo.InvariantCulture, $"  incident {n.IncidentId}, opened {n.OpenedAt:u}{(n.ResolvedAt is { } r ? $", resolved {r:u}" : "")}")
                .AppendLine(CultureInfo.InvariantCulture, $"  hosts: {string.Join(", ", n.Hosts)}");
            if (n.Summary.Length > 0)
            {
                text.AppendLine("  " + n.Summary.ReplaceLineEndings(Environment.NewLine + "  "));
            }
        }
        return text.ToString();
    }

    public void Dispose()
    {
    }
}
