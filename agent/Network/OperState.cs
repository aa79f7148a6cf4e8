namespace Warden.Agent.Network;

/// <summary>
/// RFC 2863 operational state as /sys/class/net/IFACE/operstate spells it (include/uapi/linux/if.h
/// IF_OPER_*). Virtual interfaces that do not track a link (lo, tun, some bridges) say "unknown".
/// </summary>
internal enum OperState
{
    Unknown,
    NotPresent,
    Down,
    LowerLayerDown,
    Testing,
    Dormant,
    Up,
}

internal static class OperStateParser
{
    /// <summary>Parses "up\n" and friends; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out OperState state)
    {
        var word = text.TrimEnd("\n\r \t"u8);
        for (var candidate = OperState.Unknown; candidate <= OperState.Up; candidate++)
        {
            if (System.Text.Ascii.Equals(word, Name(candidate)))
            {
                state = candidate;
                return true;
            }
        }
        state = OperState.Unknown;
        return false;
    }

    public static string Name(OperState state) => state switch
    {
        OperState.Up => "up",
        OperState.Down => "down",
        OperState.LowerLayerDown => "lowerlayerdown",
        OperState.Dormant => "dormant",
        OperState.Testing => "testing",
        OperState.NotPresent => "notpresent",
        _ => "unknown",
    };
}
