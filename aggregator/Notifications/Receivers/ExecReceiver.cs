using System.ComponentModel;
using System.Diagnostics;

namespace Warden.Aggregator.Notifications.Receivers;

/// <summary>
/// Runs a program (argv, no shell) with the message's JSON document on stdin; exit code 0 is
/// success, anything else a failure whose reason carries the end of its stderr. A run past the
/// attempt's limit is killed with its children.
/// </summary>
internal sealed class ExecReceiver(ExecReceiverOptions options) : INotificationReceiver
{
    private const int StderrExcerptChars = 1000;

    public string Kind => "exec";

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        options.Arguments.ForEach(start.ArgumentList.Add);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ReceiverFailedException($"{options.Command} cannot be started: {e.Message}");
        }
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await WriteInputAsync(process, NotificationDocument.Serialize(message), cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await stdout;
            var errors = (await stderr).Trim();
            if (process.ExitCode != 0)
            {
                var excerpt = errors.Length > StderrExcerptChars ? "..." + errors[^StderrExcerptChars..] : errors;
                throw new ReceiverFailedException($"{options.Command} exited with code {process.ExitCode}; stderr: {(excerpt.Length == 0 ? "(empty)" : excerpt)}");
            }
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own in the meantime.
            }
            throw;
        }
    }

    private static async Task WriteInputAsync(Process process, byte[] input, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program closed stdin without reading it all; its exit code still decides.
        }
    }

    public void Dispose()
    {
    }
}
