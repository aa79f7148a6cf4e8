using System.Text;
using Warden.Agent.Storage;

namespace Warden.Agent.Tests.Storage;

public class OctalEscapesTests
{
    [Theory]
    [InlineData(@"/mnt/my\040disk", "/mnt/my disk")]
    [InlineData(@"/a\011b\012c\134d", "/a\tb\nc\\d")]
    [InlineData(@"/plain", "/plain")]
    [InlineData(@"/trailing\04", @"/trailing\04")]   // truncated escape stays literal
    [InlineData(@"/big\777", @"/big\777")]          // beyond a byte: not an escape
    [InlineData(@"/not\08x", @"/not\08x")]          // 8 is not octal
    [InlineData(@"\", @"\")]
    [InlineData(@"/caf\303\251", "/café")]           // UTF-8 bytes escaped one by one
    public void Decodes_what_the_kernel_escapes_and_nothing_else(string escaped, string expected)
    {
        var input = Encoding.Latin1.GetBytes(escaped);
        var output = new byte[input.Length];
        var length = OctalEscapes.Decode(input, output);
        Assert.Equal(expected, Encoding.UTF8.GetString(output, 0, length));
    }
}
