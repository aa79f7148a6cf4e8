using System.Globalization;
using System.Runtime.CompilerServices;

namespace Warden.Agent.Checks;

/// <summary>
/// A check's one-line reason, kept as its parts (literal text, and values with their formats) and
/// written out only when someone reads it: a transition, a heal event, <c>warden-agent once</c>.
/// Almost every judgement is read by nobody, so keeping the parts instead of a string is what lets
/// a collection cycle allocate nothing (issue 3), while a check still writes its reason as an
/// ordinary interpolated string. Values are written with the invariant culture.
/// </summary>
[InterpolatedStringHandler]
internal struct ReasonText : IEquatable<ReasonText>
{
    /// <summary>Parts kept inline; a longer reason is written out at once (allocating) and kept as one part.</summary>
    public const int Capacity = 24;

    private Parts _parts;
    private int _count;

    public ReasonText(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _ = formattedCount;
    }

    public static implicit operator ReasonText(string? text)
    {
        var reason = new ReasonText();
        reason.AppendLiteral(text);
        return reason;
    }

    public void AppendLiteral(string? text) => Add(new Part(text, null, 0));

    public void AppendFormatted(string? text) => Add(new Part(text, null, 0));

    /// <summary>A number or other small value: kept as its bits, formatted when the reason is read.</summary>
    public void AppendFormatted<T>(T value, string? format = null) where T : struct, ISpanFormattable
    {
        if (Unsafe.SizeOf<T>() > sizeof(long) || RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Add(new Part(value.ToString(format, CultureInfo.InvariantCulture), null, 0));
            return;
        }
        long bits = 0;
        Unsafe.As<long, T>(ref bits) = value;
        Add(new Part(ValueWriter<T>.Instance, format, bits));
    }

    /// <summary>A missing value writes nothing, as in any interpolated string.</summary>
    public void AppendFormatted<T>(T? value, string? format = null) where T : struct, ISpanFormattable
    {
        if (value is { } present)
        {
            AppendFormatted(present, format);
        }
    }

    /// <summary>An optional fragment built the same way ("; busiest cpu3 97 %").</summary>
    public void AppendFormatted(ReasonText fragment)
    {
        for (var i = 0; i < fragment._count; i++)
        {
            Add(fragment._parts[i]);
        }
    }

    public readonly override string ToString()
    {
        if (_count == 1 && _parts[0].Writer is string only)
        {
            return only;
        }
        var text = new DefaultInterpolatedStringHandler(0, _count, CultureInfo.InvariantCulture);
        for (var i = 0; i < _count; i++)
        {
            _parts[i].WriteTo(ref text);
        }
        return text.ToStringAndClear();
    }

    public readonly bool Equals(ReasonText other) => ToString() == other.ToString();

    public readonly override bool Equals(object? obj) => obj is ReasonText other && Equals(other);

    public readonly override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public static bool operator ==(ReasonText left, ReasonText right) => left.Equals(right);

    public static bool operator !=(ReasonText left, ReasonText right) => !left.Equals(right);

    private void Add(Part part)
    {
        if (_count == Capacity)
        {
            var written = ToString();
            this = default;
            _parts[0] = new Part(written, null, 0);
            _count = 1;
        }
        _parts[_count++] = part;
    }

    /// <summary>A literal or string (Writer is the string), or a value (Writer formats Bits with Format).</summary>
    private readonly record struct Part(object? Writer, string? Format, long Bits)
    {
        public void WriteTo(ref DefaultInterpolatedStringHandler text)
        {
            if (Writer is IValueWriter value)
            {
                value.Write(ref text, Bits, Format);
            }
            else
            {
                text.AppendLiteral((string?)Writer ?? "");
            }
        }
    }

    [InlineArray(Capacity)]
    private struct Parts
    {
        private Part _first;
    }

    private interface IValueWriter
    {
        void Write(ref DefaultInterpolatedStringHandler text, long bits, string? format);
    }

    private sealed class ValueWriter<T> : IValueWriter where T : struct, ISpanFormattable
    {
        public static readonly ValueWriter<T> Instance = new();

        public void Write(ref DefaultInterpolatedStringHandler text, long bits, string? format) =>
            text.AppendFormatted(Unsafe.As<long, T>(ref bits), format);
    }
}
