using System.Globalization;
using Warden.Agent.Storage;

namespace Warden.Agent.Healing;

/// <summary>
/// clean-directory: removes files below the directory whose name matches the pattern and that were last
/// written at least OlderThan ago, oldest first, until the next one would take the run past MaxBytes.
/// Symbolic links are never followed nor removed. The detail says how many files and bytes went.
/// </summary>
internal sealed class CleanDirectoryAction(string directory, string pattern, TimeSpan olderThan, long maxBytes, TimeProvider time) : HealAction
{
    public override string Description => $"clean-directory {directory} {pattern}";

    public override Task<HealActionResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ActionDeadline.RunAsync(token => Task.Run(() => Clean(token), CancellationToken.None), timeout, time, cancellationToken);

    private string Clean(CancellationToken token)
    {
        if (DirectoryWalk.Refusal(directory) is { } refusal)
        {
            return $"removed nothing: {refusal}";
        }
        var cutoff = time.GetUtcNow() - olderThan;
        var candidates = DirectoryWalk.Files(directory, pattern).Where(f => f.LastWrite <= cutoff)
            .OrderBy(f => f.LastWrite).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        long bytes = 0;
        int files = 0, failed = 0;
        string? firstError = null;
        foreach (var file in candidates)
        {
            token.ThrowIfCancellationRequested();
            if (bytes + file.Length > maxBytes)
            {
                break;
            }
            try
            {
                File.Delete(file.Path); // unlink(2): a path that became a link since the walk loses the link, never its target
                bytes += file.Length;
                files++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed++;
                firstError ??= e.Message;
            }
        }
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"removed {files} files, {bytes} bytes from {directory} ({pattern}, older than {olderThan.TotalMinutes:0.###} min)");
        var kept = candidates.Count - files - failed;
        if (kept > 0)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $"; {kept} older files kept by the {maxBytes}-byte cap");
        }
        return failed > 0 ? $"{detail}; {failed} could not be removed: {firstError}" : detail;
    }
}
