namespace Warden.Tui.Formatting;

/// <summary>The six scored components (DESIGN.md "Health score"), in the order the fleet view shows them.</summary>
internal static class HealthComponents
{
    public static readonly IReadOnlyList<string> Names = ["system", "storage", "vm", "network", "service", "security"];

    /// <summary>Three-letter column headers, in the order of <see cref="Names"/>.</summary>
    public static readonly IReadOnlyList<string> Headers = ["SYS", "STO", "VM", "NET", "SVC", "SEC"];
}
