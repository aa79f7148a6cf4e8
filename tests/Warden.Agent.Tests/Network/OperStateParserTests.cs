using System.Text;
using Warden.Agent.Network;

namespace Warden.Agent.Tests.Network;

public class OperStateParserTests
{
    [Theory]
    [InlineData("up\n", "Up")]
    [InlineData("down\n", "Down")]
    [InlineData("unknown\n", "Unknown")]
    [InlineData("lowerlayerdown\n", "LowerLayerDown")]
    [InlineData("dormant\n", "Dormant")]
    [InlineData("testing\n", "Testing")]
    [InlineData("notpresent\n", "NotPresent")]
    [InlineData("up", "Up")]
    public void Reads_every_state_the_kernel_writes(string text, string expected)
    {
        Assert.True(OperStateParser.TryParse(Encoding.ASCII.GetBytes(text), out var state));
        Assert.Equal(Enum.Parse<OperState>(expected), state);
        Assert.Equal(text.TrimEnd('\n'), OperStateParser.Name(state));
    }

    [Theory]
    [InlineData("")]
    [InlineData("UP\n")]
    [InlineData("upp\n")]
    [InlineData("u")]
    [InlineData("\0\0\0")]
    public void Rejects_anything_else(string text)
    {
        Assert.False(OperStateParser.TryParse(Encoding.Latin1.GetBytes(text), out _));
    }
}
