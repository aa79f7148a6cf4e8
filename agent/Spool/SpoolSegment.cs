namespace Warden.Agent.Spool;

/// <summary>
/// One append-only file of the spool, "NNNNNNNNNNNNNNNNNNNN.seg" named by the first sequence it
/// was opened for. Only the newest segment is appended to; older ones are read, compacted or deleted.
/// </summary>
internal sealed class SpoolSegment : IDisposable
{
    public const string Extension = ".seg";
    private FileStream? _writer;

    private SpoolSegment(string path, ulong firstSequence, long length)
    {
        Path = path;
        FirstSequence = firstSequence;
        Length = length;
    }

    public string Path { get; }

    public ulong FirstSequence { get; }

    public long Length { get; private set; }

    /// <summary>Records in this file not yet acknowledged (nor dropped).</summary>
    public int Live { get; set; }

    /// <summary>Unacknowledged event records in this file.</summary>
    public int LiveEvents { get; set; }

    public static string FileName(ulong firstSequence) =>
        firstSequence.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + Extension;

    public static SpoolSegment Create(string directory, ulong firstSequence)
    {
        var segment = new SpoolSegment(System.IO.Path.Combine(directory, FileName(firstSequence)), firstSequence, 0);
        segment._writer = new FileStream(segment.Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        return segment;
    }

    /// <summary>An existing file whose complete records have been scanned up to <paramref name="length"/>.</summary>
    public static SpoolSegment Existing(string path, ulong firstSequence, long length) => new(path, firstSequence, length);

    /// <summary>Appends one whole frame in a single write, so a kill leaves at most one torn record.</summary>
    public long Append(ReadOnlySpan<byte> frame)
    {
        if (_writer is null)
        {
            throw new InvalidOperationException($"spool segment {Path} is closed for appending");
        }
        var offset = Length;
        try
        {
            _writer.Write(frame);
        }
        catch (IOException)
        {
            // Leave no half record behind for the next append to follow (disk full, for one).
            _writer.SetLength(offset);
            throw;
        }
        Length += frame.Length;
        return offset;
    }

    public void Sync() => _writer?.Flush(flushToDisk: true);

    public bool IsOpenForAppend => _writer is not null;

    public void CloseForAppend()
    {
        _writer?.Flush(flushToDisk: true);
        _writer?.Dispose();
        _writer = null;
    }

    public byte[] ReadPayload(SpoolEntry entry)
    {
        var payload = new byte[entry.Length];
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = 0;
        while (read < payload.Length)
        {
            var n = RandomAccess.Read(handle, payload.AsSpan(read), entry.Offset + SpoolRecordFrame.HeaderBytes + read);
            if (n == 0)
            {
                throw new IOException($"spool segment {Path} ends inside the record with sequence {entry.Sequence}");
            }
            read += n;
        }
        return payload;
    }

    public void Delete()
    {
        CloseForAppend();
        File.Delete(Path);
    }

    public void Dispose() => CloseForAppend();
}
