namespace Warden.Agent.Checks.Network;

/// <summary>
/// Which interfaces the per-interface checks leave alone: name patterns where '*' is any run of
/// characters and '?' one character, matched case-sensitively like the kernel's names.
/// </summary>
internal sealed class InterfaceFilter
{
    /// <summary>
    /// Loopback, and interfaces that come and go with containers, VMs and traffic shaping, whose
    /// state follows their owner rather than any cable: Docker/Podman veth pairs and bridges,
    /// libvirt's virbr and vnet/tap devices, Kubernetes CNIs (Calico, Flannel, generic cni, kube-),
    /// LXC, and ifb (intermediate functional block, used by tc).
    /// </summary>
    public static IReadOnlyList<string> DefaultIgnore { get; } =
    [
        "lo", "veth*", "docker*", "br-*", "virbr*", "vnet*", "tap*", "cali*", "flannel*", "cni*",
        "kube-*", "lxc*", "ifb*",
    ];

    private readonly string[] _patterns;

    public InterfaceFilter(IEnumerable<string> patterns) => _patterns = [.. patterns];

    public static InterfaceFilter From(NetworkCheckOptions options) => new(
        options.UseDefaultIgnore ? DefaultIgnore.Concat(options.IgnoreInterfaces) : options.IgnoreInterfaces);

    public bool Ignores(string name)
    {
        foreach (var pattern in _patterns)
        {
            if (Matches(pattern, name))
            {
                return true;
            }
        }
        return false;
    }

    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                // Let the last '*' swallow one more character and try again from there.
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
