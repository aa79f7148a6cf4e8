namespace Warden.Agent.Vms;

/// <summary>A domain libvirt knows: defined (config XML) or running (runtime XML and pid file).</summary>
internal sealed record LibvirtDomain(string Name, string? Uuid, int? Pid);

/// <summary>Reads a libvirt qemu directory: NAME.xml for each domain, and NAME.pid beside it while it runs.</summary>
internal static class LibvirtDirectory
{
    /// <summary>Every domain in <paramref name="directory"/>; empty when libvirt is not installed.</summary>
    public static IReadOnlyList<LibvirtDomain> Read(string directory)
    {
        if (directory.Length == 0 || !Directory.Exists(directory))
        {
            return [];
        }
        var domains = new List<LibvirtDomain>();
        foreach (var xmlPath in Directory.EnumerateFiles(directory, "*.xml").Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(xmlPath);
                if (LibvirtDomainXml.TryParse(stream, out var name, out var uuid))
                {
                    domains.Add(new LibvirtDomain(name, uuid, ReadPid(Path.ChangeExtension(xmlPath, ".pid"))));
                }
            }
            catch (IOException)
            {
                // Removed between listing and opening: the domain just stopped.
            }
        }
        return domains;
    }

    /// <summary>A libvirt pid file holds the decimal pid, maybe with a newline.</summary>
    private static int? ReadPid(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
