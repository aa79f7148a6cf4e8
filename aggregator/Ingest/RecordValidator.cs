using Warden.Proto.V1;

namespace Warden.Aggregator.Ingest;

/// <summary>
/// Checks what an agent sends before anything is stored; a message that fails ends the stream with
/// INVALID_ARGUMENT and a detail that names the field, and nothing of it is stored.
/// </summary>
public static class RecordValidator
{
    public const int MaxReadingsPerBatch = 4096;
    public const int MaxEventsPerBatch = 1024;
    public const int MaxNameLength = 128;
    public const int MaxSubjectLength = 512;

    public static string? CheckHello(Hello hello)
    {
        if (!IsValidHostName(hello.Host))
        {
            return $"hello.host '{Clip(hello.Host)}' is not a valid host name (letters, digits, '.', '-', '_'; 1 to 253 characters)";
        }
        if (hello.AgentVersion.Length > 64)
        {
            return "hello.agent_version is longer than 64 characters";
        }
        return null;
    }

    public static string? CheckSamples(SampleBatch batch)
    {
        if (batch.Sequence == 0 || batch.Sequence > long.MaxValue)
        {
            return $"samples.sequence {batch.Sequence} is out of range (1 to 2^63-1)";
        }
        if (batch.Readings.Count > MaxReadingsPerBatch)
        {
            return $"samples {batch.Sequence}: {batch.Readings.Count} readings, more than {MaxReadingsPerBatch}";
        }
        for (var i = 0; i < batch.Readings.Count; i++)
        {
            var r = batch.Readings[i];
            if (r.Name.Length is 0 or > MaxNameLength)
            {
                return $"samples {batch.Sequence}: readings[{i}].name must be 1 to {MaxNameLength} characters";
            }
            if (r.Subject.Length > MaxSubjectLength)
            {
                return $"samples {batch.Sequence}: readings[{i}].subject is longer than {MaxSubjectLength} characters";
            }
            if (!double.IsFinite(r.Last) || !double.IsFinite(r.Min) || !double.IsFinite(r.Max))
            {
                return $"samples {batch.Sequence}: readings[{i}] ({r.Name}) has a value that is not a finite number";
            }
        }
        return null;
    }

    public static string? CheckEvents(EventBatch batch)
    {
        if (batch.Sequence == 0 || batch.Sequence > long.MaxValue)
        {
            return $"events.sequence {batch.Sequence} is out of range (1 to 2^63-1)";
        }
        if (batch.Events.Count > MaxEventsPerBatch)
        {
            return $"events {batch.Sequence}: {batch.Events.Count} events, more than {MaxEventsPerBatch}";
        }
        return null;
    }

    public static bool IsValidHostName(string name) =>
        name.Length is > 0 and <= 253 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static string Clip(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
