namespace Warden.Tui.Cli;

/// <summary>Process exit codes; scripts branch on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
}
