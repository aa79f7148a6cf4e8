namespace Warden.Tui.Cli;

/// <summary>Process exit codes; scripts branch on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;

    /// <summary>The incident or host named does not exist on the aggregator.</summary>
    public const int NotFound = 4;

    /// <summary>A command that changes state was refused because of --readonly.</summary>
    public const int ReadOnly = 5;

    /// <summary>The aggregator (or this build of warden) does not offer the API the command needs.</summary>
    public const int NotSupported = 6;

    public const string Help = """

        Exit codes: 0 ok, 1 failed, 2 usage error, 3 aggregator unreachable, 4 no such
        incident or host, 5 refused by --readonly, 6 the aggregator does not offer this yet.

        """;
}
