using System.Text;

namespace Warden.Agent.Vms;

/// <summary>
/// A QEMU process's /proc/PID/cmdline (argv, NUL-separated): "qemu-system-x86_64 ... -name guest=NAME,debug-threads=on
/// -uuid UUID ...". QEMU also accepts a bare "-name NAME" and double-dashed options; ",," is a literal comma.
/// </summary>
internal static class QemuCommandLine
{
    /// <summary>False when the process is not QEMU. Name and uuid are null when the command line lacks them.</summary>
    public static bool TryParse(ReadOnlySpan<byte> cmdline, out string? name, out string? uuid)
    {
        name = uuid = null;
        var argv0 = Next(ref cmdline);
        var slash = argv0.LastIndexOf((byte)'/');
        var program = argv0[(slash + 1)..];
        if (!program.StartsWith("qemu-system-"u8) && !program.SequenceEqual("qemu-kvm"u8))
        {
            return false;
        }
        while (!cmdline.IsEmpty)
        {
            var arg = Next(ref cmdline);
            if (arg.StartsWith("--"u8))
            {
                arg = arg[1..];
            }
            if (arg.SequenceEqual("-name"u8) && !cmdline.IsEmpty)
            {
                name = GuestName(Next(ref cmdline));
            }
            else if (arg.SequenceEqual("-uuid"u8) && !cmdline.IsEmpty)
            {
                var value = Encoding.UTF8.GetString(Next(ref cmdline));
                uuid = Guid.TryParse(value, out var guid) ? guid.ToString("D") : null;
            }
        }
        return true;
    }

    /// <summary>"guest=NAME,debug-threads=on", "NAME,process=x", or "NAME"; null when empty.</summary>
    private static string? GuestName(ReadOnlySpan<byte> value)
    {
        var options = Encoding.UTF8.GetString(value);
        string? positional = null;
        var first = true;
        foreach (var option in SplitOptions(options))
        {
            var eq = option.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 && first)
            {
                positional = option;
            }
            else if (eq > 0 && option.AsSpan(0, eq).SequenceEqual("guest"))
            {
                positional = option[(eq + 1)..];
            }
            first = false;
        }
        return string.IsNullOrEmpty(positional) ? null : positional;
    }

    /// <summary>QEMU option syntax: options split at ',', and ",," stands for one comma inside a value.</summary>
    private static List<string> SplitOptions(string options)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] != ',')
            {
                current.Append(options[i]);
            }
            else if (i + 1 < options.Length && options[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static ReadOnlySpan<byte> Next(ref ReadOnlySpan<byte> cmdline)
    {
        var nul = cmdline.IndexOf((byte)0);
        var arg = nul < 0 ? cmdline : cmdline[..nul];
        cmdline = nul < 0 ? default : cmdline[(nul + 1)..];
        return arg;
    }
}
