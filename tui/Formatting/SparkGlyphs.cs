namespace Warden.Tui.Formatting;

/// <summary>
/// The eight levels a sparkline draws with, lowest first. Unicode blocks by default; plain ASCII where
/// the terminal's font is known to lack them (the Linux console, vt* and dumb terminals) or when the
/// operator sets WARDEN_ASCII (any value). NO_COLOR is about colour only and changes no glyph.
/// </summary>
internal sealed record SparkGlyphs(string Levels)
{
    public const string AsciiVariable = "WARDEN_ASCII";

    public static readonly SparkGlyphs Blocks = new("▁▂▃▄▅▆▇█");

    public static readonly SparkGlyphs Ascii = new("_.:-=+*#");

    public static SparkGlyphs For(Func<string, string?> environment)
    {
        if (environment(AsciiVariable) is not null)
        {
            return Ascii;
        }

        string term = environment("TERM") ?? string.Empty;
        return term is "dumb" or "linux" || term.StartsWith("vt", StringComparison.Ordinal) ? Ascii : Blocks;
    }
}
