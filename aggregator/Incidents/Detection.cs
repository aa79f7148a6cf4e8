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

    public static string ForHost(string rule, string host, string check) => $"{rule}|host:{host}|{check}";

    public static string ForFleet(string rule, string check) => $"{rule}|fleet|{check}";

    public const string Partition = "partition|fleet|" + LivenessCheck;
}
