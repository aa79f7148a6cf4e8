using System.Buffers.Text;

namespace Warden.Agent.Procfs;

/// <summary>Whitespace-separated fields over ASCII bytes, without allocating.</summary>
internal ref struct SpanFields
{
    private ReadOnlySpan<byte> _rest;

    public SpanFields(ReadOnlySpan<byte> line) => _rest = line;

    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        var start = 0;
        while (start < _rest.Length && IsSpace(_rest[start]))
        {
            start++;
        }
        if (start == _rest.Length)
        {
            field = default;
            _rest = default;
            return false;
        }
        var end = start;
        while (end < _rest.Length && !IsSpace(_rest[end]))
        {
            end++;
        }
        field = _rest[start..end];
        _rest = _rest[end..];
        return true;
    }

    public bool TryNextUInt64(out ulong value)
    {
        value = 0;
        return TryNext(out var field) && Utf8Parser.TryParse(field, out value, out var used) && used == field.Length;
    }

    public bool TryNextDouble(out double value)
    {
        value = 0;
        return TryNext(out var field) && Utf8Parser.TryParse(field, out value, out var used) && used == field.Length
            && double.IsFinite(value);
    }

    /// <summary>Splits off the first line; the rest stays in <paramref name="text"/>.</summary>
    public static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> text)
    {
        var newline = text.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (newline < 0)
        {
            line = text;
            text = default;
        }
        else
        {
            line = text[..newline];
            text = text[(newline + 1)..];
        }
        return line;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';
}
