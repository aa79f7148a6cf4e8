using Microsoft.Extensions.Configuration;

namespace Warden.Agent.Configuration;

/// <summary>Raised when the configuration cannot be used; the message names the file, key and value.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Loads and validates the agent's configuration file. A missing file at the default path means
/// "all defaults", so a host with no config still runs; a missing file that was named explicitly,
/// an unreadable or malformed file, an unknown key or a bad value stops start-up.
/// </summary>
public static class AgentConfigLoader
{
    public static AgentOptions Load(string? explicitPath, string defaultPath = AgentOptions.DefaultPath)
    {
        var path = Path.GetFullPath(explicitPath ?? defaultPath);
        var options = new AgentOptions();
        if (!File.Exists(path))
        {
            if (Directory.Exists(path))
            {
                throw new ConfigException($"config file {path} is a directory, not a file");
            }
            if (explicitPath is not null)
            {
                throw new ConfigException($"config file {path} does not exist");
            }
            Validate(options, path);
            return options;
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            throw new ConfigException($"config file {path} cannot be read: {Inner(e)}", e);
        }

        try
        {
            configuration.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigException($"config file {path}: {Describe(e.Message)}", e);
        }
        Validate(options, path);
        return options;
    }

    private static void Validate(AgentOptions o, string path)
    {
        if (o.Aggregator.Endpoints.Length == 0)
        {
            o.Aggregator.Endpoints = [AggregatorOptions.DefaultEndpoint];
        }
        if (o.Host is "")
        {
            o.Host = null; // "Host": null in the file arrives as an empty value
        }
        var errors = new List<string>();
        if (o.Host is not null && !HostName.IsValid(o.Host))
        {
            errors.Add($"Host: '{o.Host}' is not a valid host name (letters, digits, '.', '-', '_'; at most 253)");
        }
        if (string.IsNullOrWhiteSpace(o.StateDirectory))
        {
            errors.Add("StateDirectory: must not be empty");
        }
        if (string.IsNullOrWhiteSpace(o.ProcRoot))
        {
            errors.Add("ProcRoot: must not be empty");
        }
        for (var i = 0; i < o.Aggregator.Endpoints.Length; i++)
        {
            var endpoint = o.Aggregator.Endpoints[i];
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                errors.Add($"Aggregator:Endpoints:{i}: '{endpoint}' is not an http:// or https:// address");
            }
        }
        Positive(errors, "Aggregator:ReconnectMinSeconds", o.Aggregator.ReconnectMinSeconds);
        Positive(errors, "Aggregator:ReconnectMaxSeconds", o.Aggregator.ReconnectMaxSeconds);
        if (o.Aggregator.ReconnectMaxSeconds < o.Aggregator.ReconnectMinSeconds)
        {
            errors.Add($"Aggregator:ReconnectMaxSeconds: {o.Aggregator.ReconnectMaxSeconds} is below ReconnectMinSeconds {o.Aggregator.ReconnectMinSeconds}");
        }
        if (o.Checks.MaxAttempts is < 1 or > 100)
        {
            errors.Add($"Checks:MaxAttempts: {o.Checks.MaxAttempts} must be between 1 and 100");
        }
        errors.AddRange(o.Checks.Problems());
        errors.AddRange(o.Aggregator.Problems());
        errors.AddRange(o.Spool.Problems());
        errors.AddRange(o.Logging.Problems());
        errors.AddRange(o.Memory.Problems());
        Positive(errors, "Sampling:SenseIntervalSeconds", o.Sampling.SenseIntervalSeconds);
        Positive(errors, "Sampling:ShipIntervalSeconds", o.Sampling.ShipIntervalSeconds);
        if (o.Sampling.ShipIntervalSeconds < o.Sampling.SenseIntervalSeconds)
        {
            errors.Add($"Sampling:ShipIntervalSeconds: {o.Sampling.ShipIntervalSeconds} is shorter than SenseIntervalSeconds {o.Sampling.SenseIntervalSeconds}");
        }
        if (errors.Count > 0)
        {
            throw new ConfigException($"config file {path}: {string.Join("; ", errors)}");
        }
    }

    private static void Positive(List<string> errors, string key, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            errors.Add($"{key}: {value} must be a positive number of seconds");
        }
    }

    // The binder reports an unknown key as "...the following properties were not found on the
    // instance of Warden.Agent.Configuration.SamplingOptions: 'Foo'"; say it in the operator's terms.
    private static string Describe(string binderMessage)
    {
        const string marker = "were not found on the instance of ";
        var at = binderMessage.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return binderMessage;
        }
        var rest = binderMessage[(at + marker.Length)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var type = colon < 0 ? rest : rest[..colon];
        var keys = colon < 0 ? "" : rest[(colon + 1)..].Trim();
        var section = type[(type.LastIndexOf('.') + 1)..] switch
        {
            nameof(AgentOptions) => "the top level",
            nameof(AggregatorOptions) => "section 'Aggregator'",
            nameof(SamplingOptions) => "section 'Sampling'",
            nameof(SpoolOptions) => "section 'Spool'",
            nameof(LoggingOptions) => "section 'Logging'",
            nameof(MemoryOptions) => "section 'Memory'",
            nameof(ChecksOptions) => "section 'Checks'",
            var other => Sections.TryGetValue(other, out var known) ? known : other,
        };
        return $"unknown key {keys} in {section}";
    }

    // Where each options type sits in the file, for the unknown-key message.
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["SystemCheckOptions"] = "section 'Checks:System'",
        ["StorageCheckOptions"] = "section 'Checks:Storage'",
        ["NetworkCheckOptions"] = "section 'Checks:Network'",
        ["VmCheckOptions"] = "section 'Checks:Vm'",
        ["ServiceCheckOptions"] = "section 'Checks:Service'",
        ["UnitCheckOptions"] = "an entry of 'Checks:Service:Units'",
        ["ProcessCheckOptions"] = "an entry of 'Checks:Service:Processes'",
        ["TcpProbeOptions"] = "an entry of 'Checks:Service:TcpProbes'",
        ["HttpProbeOptions"] = "an entry of 'Checks:Service:HttpProbes'",
        ["SecurityCheckOptions"] = "section 'Checks:Security'",
        ["CertificateOptions"] = "an entry of 'Checks:Security:Certificates'",
        ["ExecPluginOptions"] = "an entry of 'Checks:Exec'",
        ["HealRuleOptions"] = "an entry of 'Checks:Heal'",
        ["HealActionOptions"] = "an entry of 'Checks:Heal:N:Actions'",
        ["HealBudgetOptions"] = "section 'Checks:HealBudget'",
        ["CheckSettings"] = "a check's settings (Enabled, IntervalSeconds, Warn, Crit)",
    };

    private static string Inner(Exception e) => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
