using Warden.Agent.Configuration;

namespace Warden.Agent.Checks;

/// <summary>Every check the agent can run, in one explicit list (no scanning: AOT-safe and readable).</summary>
internal static class CheckCatalog
{
    public static IReadOnlyList<ICheck> Create(AgentOptions options, TimeProvider time)
    {
        var checks = new List<ICheck>();
        return checks;
    }
}
