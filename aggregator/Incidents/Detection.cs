namespace Warden.Aggregator.Incidents;

/// <summary>A failure a rule classified on one host, with the evidence that came with it.</summary>
public sealed record Detection(ClassificationRule Rule, string Host, string Component, string Check, string Reason, DateTime At)
{
    public EvidenceTransition? Transition { get; init; }

    public EvidenceHeal? Heal { get; init; }
}

/// <summary>How incidents are told apart: the same fingerprint is the same incident (deduplicated).</summary>
public static class IncidentFingerprint
{
    public const string LivenessCheck = "agent.liveness";

    /// <summary>One incident per failing check per host, whichever rule classified it (a worse rule raises its severity).</summary>
    public static string ForHost(string host, string check) => $"host:{host}|{check}";

    public static string ForFleet(string check) => $"fleet|{check}";

    public const string Partition = "partition|" + LivenessCheck;
}
