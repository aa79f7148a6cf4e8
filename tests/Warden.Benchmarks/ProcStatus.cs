using System.Globalization;

namespace Warden.Benchmarks;

/// <summary>
/// A process's resident memory from one read of /proc/PID/status: VmRSS and its anonymous (heap,
/// stacks) and file-backed (the mapped executable and libraries) parts, in bytes. A field the file
/// lacks (a process already exited and not yet reaped) reads 0.
/// </summary>
internal readonly record struct ProcStatus(long Resident, long Anonymous, long FileBacked)
{
    public static ProcStatus Read(int pid)
    {
        long resident = 0, anonymous = 0, file = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[0] is not ("VmRSS:" or "RssAnon:" or "RssFile:"))
            {
                continue;
            }
            var bytes = long.Parse(fields[1], CultureInfo.InvariantCulture) * 1024;
            _ = fields[0] switch
            {
                "VmRSS:" => resident = bytes,
                "RssAnon:" => anonymous = bytes,
                _ => file = bytes,
            };
        }
        return new ProcStatus(resident, anonymous, file);
    }
}
