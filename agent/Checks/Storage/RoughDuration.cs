using System.Globalization;

namespace Warden.Agent.Checks.Storage;

/// <summary>A projection's time written as a person would say it: "45 min", "3.5 h", "12 d".</summary>
internal readonly struct RoughDuration(TimeSpan span) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        span.TotalMinutes < 90
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{Math.Max(1, Math.Round(span.TotalMinutes)):0} min", out charsWritten)
            : span.TotalHours < 48
                ? destination.TryWrite(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h", out charsWritten)
                : destination.TryWrite(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} d", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        Span<char> text = stackalloc char[64];
        return TryFormat(text, out var written, default, null) ? new string(text[..written]) : span.ToString();
    }
}
