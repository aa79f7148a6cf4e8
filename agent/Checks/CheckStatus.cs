namespace Warden.Agent.Checks;

/// <summary>What a check found (DESIGN.md, "Check results"). UNKNOWN is "no data": never recovery, never failure.</summary>
public enum CheckStatus
{
    Ok,
    Warn,
    Crit,
    Unknown,
}

/// <summary>The parts of a host a check belongs to; each gets a score (DESIGN.md, "Health score").</summary>
public enum Component
{
    System,
    Storage,
    Vm,
    Network,
    Service,
    Security,
}

internal static class CheckNames
{
    public static string Of(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "OK",
        CheckStatus.Warn => "WARN",
        CheckStatus.Crit => "CRIT",
        _ => "UNKNOWN",
    };

    public static string Of(Component component) => component switch
    {
        Component.System => "system",
        Component.Storage => "storage",
        Component.Vm => "vm",
        Component.Network => "network",
        Component.Service => "service",
        _ => "security",
    };
}
