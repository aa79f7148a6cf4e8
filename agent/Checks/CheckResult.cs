namespace Warden.Agent.Checks;

/// <summary>
/// One judgement: the state, the value judged (NaN when there is none), the threshold it was judged
/// against as the operator would write it ("warn 80 %, crit 90 %"), and a one-line reason. The
/// reason is kept as its parts and written out when read (<see cref="ReasonText"/>).
/// </summary>
internal readonly record struct CheckResult
{
    public CheckResult(CheckStatus status, double value, string threshold, ReasonText reason)
    {
        Status = status;
        Value = value;
        Threshold = threshold;
        ReasonText = reason;
    }

    public CheckStatus Status { get; }

    public double Value { get; }

    public string Threshold { get; }

    public ReasonText ReasonText { get; }

    /// <summary>The reason written out; each read formats it anew, so read it once per use.</summary>
    public string Reason => ReasonText.ToString();

    public static CheckResult Unknown(ReasonText reason) => new(CheckStatus.Unknown, double.NaN, "", reason);

    public static CheckResult Ok(double value, string threshold, ReasonText reason) => new(CheckStatus.Ok, value, threshold, reason);
}

/// <summary>A result for one subject of one check ("disk_space" on "/var").</summary>
/// <param name="Check">The check's configured name, e.g. "disk_space".</param>
/// <param name="Subject">What it is about when the check has several (a mount, a unit); empty otherwise.</param>
internal readonly record struct CheckOutcome(string Check, string Subject, Component Component, CheckResult Result)
{
    /// <summary>The name unique on the host: "disk_space:/var", or just "cpu_saturation".</summary>
    public string Key => Subject.Length == 0 ? Check : $"{Check}:{Subject}";
}
