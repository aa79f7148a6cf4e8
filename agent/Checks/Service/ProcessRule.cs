using Warden.Agent.Services;

namespace Warden.Agent.Checks.Service;

/// <summary>The ProcessName / Cmdline / CmdlineRegex trio shared by process rules and unit fallbacks.</summary>
internal static class ProcessRule
{
    /// <summary>The matcher the set value describes; null when none is set.</summary>
    public static ProcessMatcher? Matcher(string? processName, string? cmdline, string? cmdlineRegex) =>
        !string.IsNullOrEmpty(processName) ? ProcessMatcher.ByName(processName)
        : !string.IsNullOrEmpty(cmdline) ? ProcessMatcher.ByCmdlineGlob(cmdline)
        : !string.IsNullOrEmpty(cmdlineRegex) ? ProcessMatcher.ByCmdlineRegex(cmdlineRegex)
        : null;

    public static IEnumerable<string> Problems(string path, string? processName, string? cmdline, string? cmdlineRegex, bool required)
    {
        var set = (string.IsNullOrEmpty(processName) ? 0 : 1) + (string.IsNullOrEmpty(cmdline) ? 0 : 1) + (string.IsNullOrEmpty(cmdlineRegex) ? 0 : 1);
        if (set > 1)
        {
            yield return $"{path}: set only one of ProcessName, Cmdline and CmdlineRegex";
        }
        else if (set == 0 && required)
        {
            yield return $"{path}: set one of ProcessName, Cmdline or CmdlineRegex";
        }
        if (!string.IsNullOrEmpty(cmdlineRegex) && !IsRegex(cmdlineRegex, out var error))
        {
            yield return $"{path}:CmdlineRegex: '{cmdlineRegex}' is not a regular expression: {error}";
        }
    }

    private static bool IsRegex(string pattern, out string error)
    {
        try
        {
            ProcessMatcher.ByCmdlineRegex(pattern);
            error = "";
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }
}
