using System.Globalization;

namespace Warden.Agent.Checks.Storage;

/// <summary>A byte count written in decimal units ("1.2 GB", "850 MB"), as disk vendors and df -H count.</summary>
internal readonly struct DecimalBytes(double bytes) : ISpanFormattable
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var (value, unit) = Scaled();
        return Math.Abs(value) < 10
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{value:0.#} {unit}", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"{value:0} {unit}", out charsWritten);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        Span<char> text = stackalloc char[64];
        return TryFormat(text, out var written, default, null) ? new string(text[..written]) : bytes.ToString(CultureInfo.InvariantCulture);
    }

    private (double Value, string Unit) Scaled()
    {
        var value = bytes;
        var unit = 0;
        // 999.5 and up would print as "1000": move to the next unit first.
        while (Math.Abs(value) >= 999.5 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        return (value, Units[unit]);
    }
}
