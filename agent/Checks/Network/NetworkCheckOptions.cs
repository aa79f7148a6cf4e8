namespace Warden.Agent.Checks.Network;

/// <summary>
/// "Checks": { "Network": { ... } }. Defaults are stated here once. Arrays default to empty because
/// the configuration binder appends a file's list to a non-empty default.
/// </summary>
public sealed class NetworkCheckOptions
{
    /// <summary>interface_down: CRIT when an expected interface is down. Warn and Crit are not used.</summary>
    public CheckSettings InterfaceDown { get; set; } = new();

    /// <summary>interface_errors: errors + drops as % of frames in the interval; warn 1 %, crit 5 %.</summary>
    public CheckSettings InterfaceErrors { get; set; } = new() { Warn = 1, Crit = 5 };

    /// <summary>tcp_retransmits: RetransSegs / OutSegs in the interval, in %; warn 2 %, crit 5 %.</summary>
    public CheckSettings TcpRetransmits { get; set; } = new() { Warn = 2, Crit = 5 };

    /// <summary>
    /// Interfaces that must be up, judged even if first seen down. Empty (the default): every
    /// interface not ignored becomes expected once it has been seen up (or "unknown").
    /// </summary>
    public string[] ExpectedUp { get; set; } = [];

    /// <summary>Name patterns ('*', '?') both per-interface checks skip, besides the defaults.</summary>
    public string[] IgnoreInterfaces { get; set; } = [];

    /// <summary>Whether InterfaceFilter.DefaultIgnore (lo, veth*, docker*, ...) is skipped too.</summary>
    public bool UseDefaultIgnore { get; set; } = true;

    /// <summary>interface_errors judges an interval only with at least this many frames (good + failed).</summary>
    public double InterfaceErrorsMinFrames { get; set; } = 100;

    /// <summary>tcp_retransmits judges an interval only with at least this many segments sent.</summary>
    public double TcpRetransmitsMinSegments { get; set; } = 100;

    /// <summary>Problems with these values, each naming its key under Checks:Network.</summary>
    internal IEnumerable<string> Problems()
    {
        const string Root = "Checks:Network";
        foreach (var problem in InterfaceDown.Problems($"{Root}:InterfaceDown"))
        {
            yield return problem;
        }
        foreach (var problem in PercentProblems(InterfaceErrors, $"{Root}:InterfaceErrors"))
        {
            yield return problem;
        }
        foreach (var problem in PercentProblems(TcpRetransmits, $"{Root}:TcpRetransmits"))
        {
            yield return problem;
        }
        for (var i = 0; i < ExpectedUp.Length; i++)
        {
            if (!IsInterfaceName(ExpectedUp[i]))
            {
                yield return $"{Root}:ExpectedUp:{i}: \"{ExpectedUp[i]}\" is not an interface name (1 to 15 characters, no '/', ':' or white space)";
            }
        }
        for (var i = 0; i < IgnoreInterfaces.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(IgnoreInterfaces[i]))
            {
                yield return $"{Root}:IgnoreInterfaces:{i}: an empty pattern matches nothing; remove it";
            }
        }
        if (!(InterfaceErrorsMinFrames >= 0) || double.IsInfinity(InterfaceErrorsMinFrames))
        {
            yield return $"{Root}:InterfaceErrorsMinFrames: {InterfaceErrorsMinFrames} must be a number of frames, 0 or more";
        }
        if (!(TcpRetransmitsMinSegments >= 0) || double.IsInfinity(TcpRetransmitsMinSegments))
        {
            yield return $"{Root}:TcpRetransmitsMinSegments: {TcpRetransmitsMinSegments} must be a number of segments, 0 or more";
        }
    }

    // Both are shares where higher is worse, so Warn above Crit is a typo, not a reversed threshold.
    private static IEnumerable<string> PercentProblems(CheckSettings settings, string path)
    {
        foreach (var problem in settings.Problems(path))
        {
            yield return problem;
        }
        if (!(settings.Warn >= 0 && settings.Warn <= 100))
        {
            yield return $"{path}:Warn: {settings.Warn} must be a percentage from 0 to 100";
        }
        if (!(settings.Crit >= 0 && settings.Crit <= 100))
        {
            yield return $"{path}:Crit: {settings.Crit} must be a percentage from 0 to 100";
        }
        if (settings.Warn > settings.Crit)
        {
            yield return $"{path}:Warn: {settings.Warn} is above Crit {settings.Crit}; higher is worse here";
        }
    }

    private static bool IsInterfaceName(string name) =>
        name.Length is > 0 and <= Warden.Agent.Network.NetDevParser.MaxNameLength
        && !name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c));
}
