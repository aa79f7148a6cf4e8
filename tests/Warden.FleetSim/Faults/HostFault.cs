namespace Warden.FleetSim.Faults;

/// <summary>
/// A fault a scenario injects into one simulated host. Before each sample batch the host lets it
/// set its readings and report what its checks now see (through <see cref="SimulatedHost.ObserveAsync"/>),
/// so the aggregator hears the transitions first and the readings that explain them with the batch.
/// </summary>
public abstract class HostFault
{
    /// <summary>True once the fault has nothing more to do; the host then drops it.</summary>
    public bool Finished { get; protected set; }

    protected internal abstract Task StepAsync(SimulatedHost host, DateTimeOffset now, CancellationToken token);
}
