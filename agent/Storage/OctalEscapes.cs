namespace Warden.Agent.Storage;

/// <summary>
/// The kernel writes space, tab, newline and backslash in mount paths as "\ooo" (fs/proc_namespace.c
/// mangle: "\040", "\011", "\012", "\134"). Anything else after a backslash is kept as it is.
/// </summary>
internal static class OctalEscapes
{
    /// <summary>Decodes <paramref name="escaped"/> into <paramref name="into"/>; returns the length written.</summary>
    /// <remarks>The output is never longer than the input, so an equally long buffer always suffices.</remarks>
    public static int Decode(ReadOnlySpan<byte> escaped, Span<byte> into)
    {
        var written = 0;
        for (var i = 0; i < escaped.Length; i++)
        {
            var b = escaped[i];
            if (b == (byte)'\\' && i + 3 < escaped.Length && IsOctal(escaped[i + 1], '3') && IsOctal(escaped[i + 2], '7') && IsOctal(escaped[i + 3], '7'))
            {
                b = (byte)(((escaped[i + 1] - '0') << 6) | ((escaped[i + 2] - '0') << 3) | (escaped[i + 3] - '0'));
                i += 3;
            }
            into[written++] = b;
        }
        return written;
    }

    private static bool IsOctal(byte b, char highest) => b >= '0' && b <= highest;
}
