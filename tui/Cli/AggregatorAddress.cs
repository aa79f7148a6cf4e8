namespace Warden.Tui.Cli;

/// <summary>Where the aggregator's Operator service listens: the flag wins over the environment over the default.</summary>
internal static class AggregatorAddress
{
    public const string EnvironmentVariable = "WARDEN_AGGREGATOR";
    public const string Default = "http://127.0.0.1:7400";

    public static bool TryResolve(string? flag, string? environment, out Uri address, out string error)
    {
        string source = flag is not null ? "--aggregator" : environment is { Length: > 0 } ? EnvironmentVariable : "default";
        string text = flag ?? (environment is { Length: > 0 } ? environment : Default);

        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? parsed) && parsed.Scheme is "http" or "https")
        {
            address = parsed;
            error = string.Empty;
            return true;
        }

        address = new Uri(Default);
        error = $"{source}: '{text}' is not an http:// or https:// URL";
        return false;
    }
}
