using Microsoft.Extensions.Logging;
using Warden.Agent.Healing;
using Warden.Proto.V1;

namespace Warden.Agent.Streaming;

/// <summary>Carries out the aggregator's commands; every command gets a CommandResult saying what was done.</summary>
internal sealed class AgentCommands(Action collectNow, Healer healer, ILogger logger)
{
    public CommandResult Execute(Command command)
    {
        Log.Command(logger, command.CommandId, command.ActionCase.ToString());
        var (ok, detail) = command.ActionCase switch
        {
            Command.ActionOneofCase.CollectNow => CollectNow(),
            Command.ActionOneofCase.ResetHealBudget => ResetHealBudget(command.ResetHealBudget.Check, command.CommandId),
            _ => (false, $"this agent does not know the action {command.ActionCase}"),
        };
        return new CommandResult { CommandId = command.CommandId, Ok = ok, Detail = detail };
    }

    private (bool, string) CollectNow()
    {
        collectNow();
        return (true, "shipped the current window");
    }

    private (bool, string) ResetHealBudget(string check, string commandId)
    {
        var reset = healer.ResetBudgets(check);
        foreach (var key in reset)
        {
            Log.HealBudgetResetByOperator(logger, key, commandId);
        }
        if (reset.Count > 0)
        {
            return (true, $"reset the heal budget of {string.Join(", ", reset)}");
        }
        var known = healer.HealedChecks;
        return (false, check.Length == 0 ? "no check has a heal rule; nothing to reset"
            : $"no heal rule for check '{check}'; checks with heal rules: {(known.Count == 0 ? "none" : string.Join(", ", known))}");
    }
}
