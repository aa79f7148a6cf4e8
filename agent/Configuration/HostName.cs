namespace Warden.Agent.Configuration;

/// <summary>The host names Warden accepts as a host's identity (the same rule as the aggregator's).</summary>
public static class HostName
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 253 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>The kernel's idea of this host's name, from a proc tree.</summary>
    public static string FromKernel(string procRoot)
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(procRoot, "sys/kernel/hostname")).Trim();
            if (IsValid(name))
            {
                return name;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return Environment.MachineName;
    }
}
