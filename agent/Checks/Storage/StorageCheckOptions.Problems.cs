using System.Globalization;

namespace Warden.Agent.Checks.Storage;

public sealed partial class StorageCheckOptions
{
    /// <summary>Start-up validation: one message per bad value, naming its key ("Checks:Storage:DiskSpace:Warn").</summary>
    internal IEnumerable<string> Problems()
    {
        var options = this;
        const string S = Section;
        foreach (var (name, settings) in new[]
        {
            ("DiskSpace", options.DiskSpace), ("DiskInodes", options.DiskInodes), ("FsReadOnly", options.FsReadOnly),
            ("DiskLatency", options.DiskLatency), ("DiskUtilisation", options.DiskUtilisation), ("DirectorySize", options.DirectorySize),
        })
        {
            foreach (var problem in settings.Problems($"{S}:{name}"))
            {
                yield return problem;
            }
        }
        foreach (var (name, settings, max) in new[]
        {
            ("DiskSpace", options.DiskSpace, 100.0), ("DiskInodes", options.DiskInodes, 100.0),
            ("DiskUtilisation", options.DiskUtilisation, 100.0), ("DiskLatency", options.DiskLatency, double.MaxValue),
            ("DirectorySize", options.DirectorySize, double.MaxValue),
        })
        {
            if (settings.Warn < 0 || settings.Warn > max)
            {
                yield return Say($"{S}:{name}:Warn: {settings.Warn} must be between 0 and {max}");
            }
            if (settings.Crit < settings.Warn || settings.Crit > max)
            {
                yield return Say($"{S}:{name}:Crit: {settings.Crit} must be at least Warn ({settings.Warn}) and at most {max}");
            }
        }
        if (!Positive(options.FillCritHours))
        {
            yield return Say($"{S}:FillCritHours: {options.FillCritHours} must be a positive number of hours");
        }
        if (!Positive(options.FillWarnHours) || options.FillWarnHours < options.FillCritHours)
        {
            yield return Say($"{S}:FillWarnHours: {options.FillWarnHours} must be positive and at least FillCritHours ({options.FillCritHours})");
        }
        if (!Positive(options.FillWindowMinutes))
        {
            yield return Say($"{S}:FillWindowMinutes: {options.FillWindowMinutes} must be a positive number of minutes");
        }
        if (!Positive(options.FillMinimumSpanMinutes) || options.FillMinimumSpanMinutes > options.FillWindowMinutes)
        {
            yield return Say($"{S}:FillMinimumSpanMinutes: {options.FillMinimumSpanMinutes} must be positive and at most FillWindowMinutes ({options.FillWindowMinutes})");
        }
        if (!Positive(options.StatfsTimeoutSeconds))
        {
            yield return Say($"{S}:StatfsTimeoutSeconds: {options.StatfsTimeoutSeconds} must be a positive number of seconds");
        }
        if (!(options.LatencyMinimumIops >= 0) || double.IsInfinity(options.LatencyMinimumIops))
        {
            yield return Say($"{S}:LatencyMinimumIops: {options.LatencyMinimumIops} must be zero or more");
        }
        foreach (var (key, list, absolute) in new[]
        {
            ("IgnoredFsTypes", options.IgnoredFsTypes, false), ("IgnoredDevices", options.IgnoredDevices, false),
            ("IgnoredMountPoints", options.IgnoredMountPoints, true), ("ExpectedReadOnlyMounts", options.ExpectedReadOnlyMounts, true),
            ("Directories", options.Directories, true),
        })
        {
            for (var i = 0; i < list.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(list[i]) || (absolute && !list[i].StartsWith('/')))
                {
                    yield return $"{S}:{key}:{i}: '{list[i]}' must be {(absolute ? "an absolute path" : "a non-empty name")}";
                }
            }
        }
    }

    private static bool Positive(double value) => value > 0 && double.IsFinite(value);

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
