namespace Warden.Agent.Checks.Exec;

/// <summary>How one run of a plugin ended.</summary>
/// <param name="ExitCode">Null when it never started or was killed for running too long.</param>
/// <param name="Output">Standard output, at most <see cref="PluginRunner.MaxOutputBytes"/> bytes of it.</param>
/// <param name="Truncated">It wrote more than that; the rest was read and dropped.</param>
/// <param name="Error">Why it could not start, or the first of what it wrote to standard error.</param>
internal sealed record PluginRun(int? ExitCode, string Output, bool Truncated, bool TimedOut, string Error)
{
    public static PluginRun NotStarted(string error) => new(null, "", false, false, error);

    public static PluginRun Killed { get; } = new(null, "", false, true, "");
}
