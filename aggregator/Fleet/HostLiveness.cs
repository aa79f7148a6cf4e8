namespace Warden.Aggregator.Fleet;

/// <summary>
/// Whether the aggregator hears from a host (issue 5): online while records arrive; silent after
/// nothing for 3 shipping intervals (its checks become UNKNOWN); offline after longer still, or
/// when its agent closed the stream cleanly and did not come back.
/// </summary>
public enum HostLiveness
{
    Online,
    Silent,
    Offline,
}
