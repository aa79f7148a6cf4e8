using System.Text;
using System.Text.RegularExpressions;

namespace Warden.Agent.Services;

/// <summary>
/// Which processes a rule counts: an exact name (the comm, which the kernel cuts to 15 bytes, so a
/// longer configured name is compared by its first 15 bytes), or a pattern over the full command
/// line with its NUL separators turned into spaces: a glob ("*" any run, "?" one character) or a
/// .NET regular expression (interpreted, matched anywhere unless anchored).
/// </summary>
internal sealed class ProcessMatcher
{
    /// <summary>TASK_COMM_LEN is 16 including the terminating NUL.</summary>
    public const int CommLength = 15;

    private readonly byte[]? _comm;
    private readonly string? _glob;
    private readonly Regex? _regex;

    private ProcessMatcher(string description, byte[]? comm, string? glob, Regex? regex)
    {
        Description = description;
        _comm = comm;
        _glob = glob;
        _regex = regex;
    }

    /// <summary>For reasons: "name nginx", "cmdline java*app.jar", "cmdline regex ^python3? .*worker".</summary>
    public string Description { get; }

    public bool NeedsCmdline => _comm is null;

    public static ProcessMatcher ByName(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        return new ProcessMatcher("name " + name, bytes.Length > CommLength ? bytes[..CommLength] : bytes, null, null);
    }

    public static ProcessMatcher ByCmdlineGlob(string glob) => new("cmdline " + glob, null, glob, null);

    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static ProcessMatcher ByCmdlineRegex(string pattern) =>
        new("cmdline regex " + pattern, null, null, new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)));

    public bool MatchesComm(ReadOnlySpan<byte> comm) => _comm is not null && comm.SequenceEqual(_comm);

    public bool MatchesCmdline(ReadOnlySpan<char> cmdline)
    {
        if (_regex is not null)
        {
            try
            {
                return _regex.IsMatch(cmdline);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
        return _glob is not null && Glob.IsMatch(_glob, cmdline);
    }
}
