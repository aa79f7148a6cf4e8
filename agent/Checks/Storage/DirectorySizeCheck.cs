using System.Globalization;
using Warden.Agent.Storage;

namespace Warden.Agent.Checks.Storage;

/// <summary>
/// directory_size, per configured directory: the bytes of the regular files below it (symbolic links
/// neither counted nor followed), against Warn and Crit in bytes. A spool or log folder filling up
/// shows here before the filesystem does, and a clean-directory heal is judged by this same check.
/// A missing directory is UNKNOWN.
/// </summary>
internal sealed class DirectorySizeCheck(StorageCheckOptions options) : ICheck
{
    public const string CheckName = "directory_size";

    private readonly Threshold _threshold = options.DirectorySize.Threshold;

    public string Name => CheckName;

    public Component Component => Component.Storage;

    public TimeSpan Interval { get; } = options.DirectorySize.Interval;

    public ValueTask EvaluateAsync(ICollection<CheckOutcome> results, CancellationToken cancellationToken)
    {
        foreach (var directory in options.Directories)
        {
            results.Add(new CheckOutcome(Name, directory, Component, Measure(directory)));
        }
        return ValueTask.CompletedTask;
    }

    private CheckResult Measure(string directory)
    {
        if (DirectoryWalk.Refusal(directory) is { } refusal)
        {
            return CheckResult.Unknown(refusal);
        }
        long bytes = 0;
        var files = 0;
        try
        {
            foreach (var file in DirectoryWalk.Files(directory))
            {
                bytes += file.Length;
                files++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Unknown($"{directory} could not be read: {e.Message}");
        }
        return Judge(directory, bytes, files, _threshold);
    }

    public static CheckResult Judge(string directory, long bytes, int files, Threshold threshold) => new(
        threshold.Judge(bytes), bytes, threshold.Describe("bytes"),
        string.Create(CultureInfo.InvariantCulture, $"{directory} holds {bytes} bytes in {files} files"));
}
