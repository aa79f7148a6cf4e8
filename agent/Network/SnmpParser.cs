using Warden.Agent.Procfs;

namespace Warden.Agent.Network;

/// <summary>
/// /proc/net/snmp (net/ipv4/proc.c): per protocol a line of names and a line of values, both
/// starting with the protocol, e.g. "Tcp: RtoAlgorithm RtoMin ... OutSegs RetransSegs InErrs ..."
/// then "Tcp: 1 200 ... 31 0 0 ...". Fields are found by name: kernels add fields over time
/// (InCsumErrors in 3.10), and MaxConn is the signed "-1".
/// </summary>
internal static class SnmpParser
{
    /// <summary>False when there is no complete Tcp pair with the four TCP fields.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out SnmpCounters counters)
    {
        counters = default;
        // Scoped, so that Pair may store slices of the lines in them; they never leave this call.
        scoped ReadOnlySpan<byte> tcpNames = default, tcpValues = default, udpNames = default, udpValues = default;
        while (!text.IsEmpty)
        {
            var line = SpanFields.NextLine(ref text);
            if (line.StartsWith("Tcp:"u8))
            {
                Pair(line["Tcp:"u8.Length..], ref tcpNames, ref tcpValues);
            }
            else if (line.StartsWith("Udp:"u8))
            {
                Pair(line["Udp:"u8.Length..], ref udpNames, ref udpValues);
            }
        }
        if (!Complete(tcpNames, tcpValues)
            || !TryPick(tcpNames, tcpValues, "OutSegs"u8, out var outSegs)
            || !TryPick(tcpNames, tcpValues, "RetransSegs"u8, out var retrans)
            || !TryPick(tcpNames, tcpValues, "InErrs"u8, out var inErrs)
            || !TryPick(tcpNames, tcpValues, "CurrEstab"u8, out var established))
        {
            return false;
        }
        ulong udpInErrors = 0, udpRcvbuf = 0;
        var hasUdp = Complete(udpNames, udpValues)
            && TryPick(udpNames, udpValues, "InErrors"u8, out udpInErrors)
            && TryPick(udpNames, udpValues, "RcvbufErrors"u8, out udpRcvbuf);
        counters = hasUdp
            ? new SnmpCounters(outSegs, retrans, inErrs, established, true, udpInErrors, udpRcvbuf)
            : new SnmpCounters(outSegs, retrans, inErrs, established, false, 0, 0);
        return true;
    }

    // The first line of a protocol names the fields, the second holds the values.
    private static void Pair(ReadOnlySpan<byte> rest, ref ReadOnlySpan<byte> names, ref ReadOnlySpan<byte> values)
    {
        if (names.IsEmpty)
        {
            names = rest;
        }
        else if (values.IsEmpty)
        {
            values = rest;
        }
    }

    // A value line cut short (a truncated read) loses its last fields: only a line with as many
    // values as names counts, so a cut can at worst shorten the very last value.
    private static bool Complete(ReadOnlySpan<byte> names, ReadOnlySpan<byte> values)
    {
        if (names.IsEmpty || values.IsEmpty)
        {
            return false;
        }
        var n = new SpanFields(names);
        var v = new SpanFields(values);
        while (n.TryNext(out _))
        {
            if (!v.TryNext(out _))
            {
                return false;
            }
        }
        return !v.TryNext(out _);
    }

    private static bool TryPick(ReadOnlySpan<byte> names, ReadOnlySpan<byte> values, ReadOnlySpan<byte> wanted, out ulong value)
    {
        value = 0;
        var n = new SpanFields(names);
        var v = new SpanFields(values);
        while (n.TryNext(out var name))
        {
            if (name.SequenceEqual(wanted))
            {
                return v.TryNextUInt64(out value);
            }
            v.TryNext(out _);
        }
        return false;
    }
}
