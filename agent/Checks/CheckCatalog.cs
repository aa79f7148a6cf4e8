using Warden.Agent.Checks.Exec;
using Warden.Agent.Checks.Network;
using Warden.Agent.Checks.Security;
using Warden.Agent.Checks.Service;
using Warden.Agent.Checks.Storage;
using Warden.Agent.Checks.SystemChecks;
using Warden.Agent.Checks.Vm;
using Warden.Agent.Configuration;

namespace Warden.Agent.Checks;

/// <summary>Every check the agent can run, in one explicit list (no scanning: AOT-safe and readable).</summary>
internal static class CheckCatalog
{
    /// <summary>The enabled checks; <paramref name="options"/> has passed validation.</summary>
    public static IReadOnlyList<ICheck> Create(AgentOptions options, TimeProvider time)
    {
        var checks = options.Checks;
        var paths = options.Paths;
        return
        [
            .. SystemCheckSet.Create(checks.System, paths, time),
            .. StorageCheckSet.Create(checks.Storage, paths, time),
            .. NetworkCheckSet.Create(checks.Network, paths, time),
            .. VmCheckSet.Create(checks.Vm, paths, time),
            .. ServiceCheckSet.Create(checks.Service, paths, time),
            .. SecurityCheckSet.Create(checks.Security, time),
            .. ExecCheckSet.Create(new ExecCheckOptions { Checks = checks.Exec }, time),
        ];
    }
}
