namespace Warden.Aggregator.Storage;

/// <summary>
/// A check's current state on one host, kept from its CheckTransition events. The id
/// "host/check" makes it one document per check.
/// </summary>
public sealed class StoredCheck
{
    public string Id { get; set; } = "";

    public string Host { get; set; } = "";

    public string Component { get; set; } = "";

    public string Check { get; set; } = "";

    /// <summary>Warden.Proto.V1.CheckState as a number.</summary>
    public int State { get; set; }

    /// <summary>Warden.Proto.V1.StateType as a number.</summary>
    public int StateType { get; set; }

    public int Attempt { get; set; }

    public int MaxAttempts { get; set; }

    public double Value { get; set; }

    public string Threshold { get; set; } = "";

    public string Reason { get; set; } = "";

    /// <summary>When the check entered this state (the event's time).</summary>
    public DateTime Since { get; set; }

    public static string IdOf(string host, string check) => host + "/" + check;
}
