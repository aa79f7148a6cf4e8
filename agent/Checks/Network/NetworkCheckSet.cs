namespace Warden.Agent.Checks.Network;

/// <summary>The network checks an options object enables, in one explicit list.</summary>
internal static class NetworkCheckSet
{
    /// <remarks>The checks keep file handles open; they are IDisposable besides ICheck.</remarks>
    public static IReadOnlyList<ICheck> Create(NetworkCheckOptions options, HostPaths paths, TimeProvider time)
    {
        var filter = InterfaceFilter.From(options);
        var checks = new List<ICheck>(3);
        if (options.InterfaceDown.Enabled)
        {
            checks.Add(new InterfaceDownCheck(options.InterfaceDown, options.ExpectedUp, filter, paths));
        }
        if (options.InterfaceErrors.Enabled)
        {
            checks.Add(new InterfaceErrorsCheck(options.InterfaceErrors, options.InterfaceErrorsMinFrames, filter, paths, time));
        }
        if (options.TcpRetransmits.Enabled)
        {
            checks.Add(new TcpRetransmitsCheck(options.TcpRetransmits, options.TcpRetransmitsMinSegments, paths, time));
        }
        return checks;
    }
}
