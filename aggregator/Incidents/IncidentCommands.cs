namespace Warden.Aggregator.Incidents;

public enum CommandProblem
{
    NotFound,
    InvalidArgument,
    FailedPrecondition,
}

/// <summary>An operator command that cannot be applied; nothing was changed.</summary>
public sealed class IncidentCommandException(CommandProblem problem, string message) : Exception(message)
{
    public CommandProblem Problem { get; } = problem;
}
