namespace Warden.Agent.Checks;

/// <summary>
/// One judgement: the state, the value judged (NaN when there is none), the threshold it was judged
/// against as the operator would write it ("warn 80 %, crit 90 %"), and a one-line reason.
/// </summary>
internal readonly record struct CheckResult(CheckStatus Status, double Value, string Threshold, string Reason)
{
    public static CheckResult Unknown(string reason) => new(CheckStatus.Unknown, double.NaN, "", reason);

    public static CheckResult Ok(double value, string threshold, string reason) => new(CheckStatus.Ok, value, threshold, reason);
}

/// <summary>A result for one subject of one check ("disk_space" on "/var").</summary>
/// <param name="Check">The check's configured name, e.g. "disk_space".</param>
/// <param name="Subject">What it is about when the check has several (a mount, a unit); empty otherwise.</param>
internal readonly record struct CheckOutcome(string Check, string Subject, Component Component, CheckResult Result)
{
    /// <summary>The name unique on the host: "disk_space:/var", or just "cpu_saturation".</summary>
    public string Key => Subject.Length == 0 ? Check : $"{Check}:{Subject}";
}
