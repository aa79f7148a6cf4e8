namespace Warden.Tui.Cli;

/// <summary>The process surroundings a command may touch, injectable so tests capture output.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment)
{
    public static CliConsole System => new(Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable);
}
