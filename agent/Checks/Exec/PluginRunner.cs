using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Warden.Agent.Checks.Exec;

/// <summary>
/// Runs a plugin's argv directly (no shell), with stdin closed, stdout bounded and a deadline on the
/// injected clock; past the deadline the plugin and every process it started are killed.
/// </summary>
internal static class PluginRunner
{
    public const int MaxOutputBytes = 64 * 1024;
    private const int MaxErrorBytes = 4 * 1024;

    public static async Task<PluginRun> RunAsync(IReadOnlyList<string> command, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        for (var i = 1; i < command.Count; i++)
        {
            start.ArgumentList.Add(command[i]);
        }

        using var process = new Process { StartInfo = start };
        // Armed before the start, so a fake clock advanced right after EvaluateAsync returns still fires it.
        using var deadline = new CancellationTokenSource(timeout, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return PluginRun.NotStarted(e.Message);
        }
        process.StandardInput.Close();

        var stdout = ReadBoundedAsync(process.StandardOutput.BaseStream, MaxOutputBytes, stop.Token);
        var stderr = ReadBoundedAsync(process.StandardError.BaseStream, MaxErrorBytes, stop.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            // A child the plugin left behind may hold the pipes open; the deadline covers that too.
            var (output, truncated) = await stdout.ConfigureAwait(false);
            var (error, _) = await stderr.ConfigureAwait(false);
            return new PluginRun(process.ExitCode, Decode(output), truncated, false, FirstLine(Decode(error)));
        }
        catch (OperationCanceledException)
        {
            await KillTreeAsync(process, time).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return PluginRun.Killed;
        }
    }

    private static async Task<(ArraySegment<byte> Bytes, bool Truncated)> ReadBoundedAsync(Stream stream, int limit, CancellationToken token)
    {
        var buffer = new byte[limit];
        byte[]? dropped = null;
        var length = 0;
        var truncated = false;
        while (true)
        {
            // Past the limit keep reading and dropping, so the plugin never blocks on a full pipe.
            var read = length < limit
                ? await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false)
                : await stream.ReadAsync(dropped ??= new byte[4096], token).ConfigureAwait(false);
            if (read == 0)
            {
                return (new ArraySegment<byte>(buffer, 0, length), truncated);
            }
            if (length < limit)
            {
                length += read;
            }
            else
            {
                truncated = true;
            }
        }
    }

    private static async Task KillTreeAsync(Process process, TimeProvider time)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the deadline and the kill.
        }
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // SIGKILL cannot be ignored; a process stuck in the kernel (D state) is reaped later by .NET.
        }
    }

    private static string Decode(ArraySegment<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
    }
}
