using Warden.Proto.V1;

namespace Warden.FleetSim.Faults;

/// <summary>
/// A check that fails for <paramref name="failFor"/>, then is OK for <paramref name="okFor"/>, over
/// and over, <paramref name="cycles"/> times (a link that drops, a service that crashes and comes
/// back). Each step reports the current phase through the check's SOFT/HARD rule.
/// </summary>
public sealed class FlappingCheck(string component, string check, TimeSpan failFor, TimeSpan okFor, int cycles, double failValue = 1, double okValue = 0)
    : HostFault
{
    private DateTimeOffset? _start;

    protected internal override async Task StepAsync(SimulatedHost host, DateTimeOffset now, CancellationToken token)
    {
        _start ??= now;
        var elapsed = now - _start.Value;
        var period = failFor + okFor;
        var cycle = (int)(elapsed / period);
        var failing = cycle < cycles && elapsed - period * cycle < failFor;
        await host.ObserveAsync(component, check, failing ? CheckState.Crit : CheckState.Ok, failing ? failValue : okValue, $"crit {failValue}",
            failing ? $"{check} failing (cycle {cycle + 1} of {cycles})" : $"{check} OK", token);
        Finished = cycle >= cycles;
    }
}
