using Google.Protobuf.WellKnownTypes;
using Warden.Agent.Configuration;
using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>Who this agent is, as told to the aggregator in every Hello.</summary>
internal sealed class AgentIdentity
{
    public const string Version = "0.1.0";

    public static readonly string[] Capabilities = ["samples.v1", "command.collect-now", "command.reset-heal-budget"];

    public AgentIdentity(AgentOptions options, TimeProvider time)
    {
        Host = options.Host ?? HostName.FromKernel(options.ProcRoot);
        MachineId = ReadTrimmed(options.MachineIdPath);
        Kernel = ReadTrimmed(Path.Combine(options.ProcRoot, "sys/kernel/osrelease"));
        Started = time.GetUtcNow();
    }

    public string Host { get; }

    public string MachineId { get; }

    public string Kernel { get; }

    public DateTimeOffset Started { get; }

    public Hello ToHello(ulong lastAcked, int cpuCount, ulong bootTimeUnixSeconds)
    {
        var hello = new Hello
        {
            Host = Host,
            MachineId = MachineId,
            AgentVersion = Version,
            LastAckedSequence = lastAcked,
            Kernel = Kernel,
            CpuCount = (uint)Math.Max(0, cpuCount),
            AgentStarted = Timestamp.FromDateTimeOffset(Started),
        };
        hello.Capabilities.Add(Capabilities);
        if (bootTimeUnixSeconds > 0)
        {
            hello.BootTime = new Timestamp { Seconds = (long)bootTimeUnixSeconds };
        }
        return hello;
    }

    private static string ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
