namespace Warden.Tui.Cli;

/// <summary>
/// A command whose operator RPC the aggregator does not serve yet: it says which RPC is missing and
/// exits 6, so a script can tell "not yet" from "failed" and nothing pretends to have worked.
/// </summary>
internal static class PendingApiCommand
{
    public static async Task<int> RunAsync(CommandSpec spec, Uri address, CliConsole console)
    {
        await console.Error.WriteLineAsync(
            $"warden {spec.Word}: not available: the operator API of {address.OriginalString} has no {spec.PendingApi} yet "
            + "(this warden and aggregator predate incidents); nothing was changed");
        return ExitCodes.NotSupported;
    }
}
