using System.Net;
using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Configuration;

public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Loads the aggregator's configuration file: missing at the default path means defaults; named
/// but missing, unreadable, malformed, an unknown key or a bad value stops start-up with a message
/// naming the file, key and value.
/// </summary>
public static class AggregatorConfigLoader
{
    public static AggregatorOptions Load(string? explicitPath)
    {
        var path = Path.GetFullPath(explicitPath ?? AggregatorOptions.DefaultPath);
        var options = new AggregatorOptions();
        if (Directory.Exists(path))
        {
            throw new ConfigException($"config file {path} is a directory, not a file");
        }
        if (!File.Exists(path))
        {
            return explicitPath is null ? options : throw new ConfigException($"config file {path} does not exist");
        }
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            var detail = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new ConfigException($"config file {path} cannot be read: {detail}", e);
        }
        try
        {
            configuration.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            const string marker = "were not found on the instance of ";
            var at = e.Message.IndexOf(marker, StringComparison.Ordinal);
            var keys = at < 0 ? e.Message : e.Message[(e.Message.IndexOf(':', at) + 1)..].Trim();
            throw new ConfigException(at < 0 ? $"config file {path}: {e.Message}" : $"config file {path}: unknown key {keys}", e);
        }
        return options;
    }

    /// <summary>Checks the options (after command-line overrides) and returns the address to bind.</summary>
    public static IPEndPoint Validate(AggregatorOptions o)
    {
        var endpoint = LoopbackEndpoint("Listen", o.Listen, 7400);
        if (o.Metrics.Listen.Length > 0)
        {
            LoopbackEndpoint("Metrics:Listen", o.Metrics.Listen, 7401);
        }
        if (string.IsNullOrWhiteSpace(o.StateDirectory))
        {
            throw new ConfigException("StateDirectory: must not be empty");
        }
        if (string.IsNullOrWhiteSpace(o.DatabaseFile))
        {
            throw new ConfigException("DatabaseFile: must not be empty");
        }
        NotificationOptionsValidator.Validate(o.Notifications);
        Incidents.RuleSet.ValidateSettings(o.Incidents);
        Positive("Ingest:QueueCapacity", o.Ingest.QueueCapacity);
        Positive("Ingest:MaxBatchRecords", o.Ingest.MaxBatchRecords);
        Positive("Ingest:MaxInFlightPerStream", o.Ingest.MaxInFlightPerStream);
        Positive("Ingest:HostFlushSeconds", o.Ingest.HostFlushSeconds);
        Positive("Liveness:DefaultShipIntervalSeconds", o.Liveness.DefaultShipIntervalSeconds);
        Positive("Liveness:SilentAfterIntervals", o.Liveness.SilentAfterIntervals);
        Positive("Liveness:OfflineAfterSeconds", o.Liveness.OfflineAfterSeconds);
        Positive("RecentReadings:WindowMinutes", o.RecentReadings.WindowMinutes);
        Positive("RecentReadings:MaxBatchesPerHost", o.RecentReadings.MaxBatchesPerHost);
        Positive("Retention:SamplesDays", o.Retention.SamplesDays);
        Positive("Retention:EventsDays", o.Retention.EventsDays);
        Positive("Retention:SweepIntervalSeconds", o.Retention.SweepIntervalSeconds);
        Positive("Retention:ChunkRecords", o.Retention.ChunkRecords);
        return endpoint;
    }

    /// <summary>The address of an http://IP:PORT option, which must be loopback while there is no TLS.</summary>
    public static IPEndPoint LoopbackEndpoint(string key, string value, int examplePort)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != "http" || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            throw new ConfigException($"{key}: '{value}' is not of the form http://IP:PORT (e.g. http://127.0.0.1:{examplePort})");
        }
        if (!IPAddress.IsLoopback(address))
        {
            throw new ConfigException($"{key}: '{value}' is not a loopback address; without TLS the aggregator listens on loopback only");
        }
        return new IPEndPoint(address, uri.Port);
    }

    private static void Positive(string key, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ConfigException($"{key}: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a number above 0");
        }
    }
}
