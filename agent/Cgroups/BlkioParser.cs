using Warden.Agent.Procfs;

namespace Warden.Agent.Cgroups;

/// <summary>
/// cgroup v1 blkio.throttle.io_service_bytes and io_serviced: "MAJ:MIN Read|Write|Sync|Async|Discard|Total N"
/// per device, then a closing "Total N" over all devices. Only Read and Write are summed.
/// </summary>
internal static class BlkioParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out ulong read, out ulong write)
    {
        read = write = 0;
        while (!text.IsEmpty)
        {
            var fields = new SpanFields(SpanFields.NextLine(ref text));
            if (!fields.TryNext(out var first))
            {
                continue;
            }
            if (first.SequenceEqual("Total"u8))
            {
                if (!fields.TryNextUInt64(out _))
                {
                    return false;
                }
                continue;
            }
            if (!DeviceNumber.TryParse(first, out _, out _) || !fields.TryNext(out var op) || !fields.TryNextUInt64(out var value))
            {
                return false;
            }
            if (op.SequenceEqual("Read"u8))
            {
                read = Saturating.Add(read, value);
            }
            else if (op.SequenceEqual("Write"u8))
            {
                write = Saturating.Add(write, value);
            }
        }
        return true;
    }
}
