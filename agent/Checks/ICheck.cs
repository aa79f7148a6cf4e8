namespace Warden.Agent.Checks;

/// <summary>
/// One configured check. Its judgement is a pure function of readings and thresholds (kept as a
/// static method beside it and tested alone); the ICheck wraps the reading and the schedule.
/// Checks are registered in one explicit list (CheckCatalog), never discovered by reflection.
/// </summary>
internal interface ICheck
{
    /// <summary>Configured name, unique on the host ("cpu_saturation", "disk_space").</summary>
    string Name { get; }

    Component Component { get; }

    /// <summary>How often it is evaluated.</summary>
    TimeSpan Interval { get; }

    /// <summary>Reads what it needs and adds one outcome per subject it judges.</summary>
    ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken);
}
