using Warden.Agent.Procfs;

namespace Warden.Agent.Checks.SystemChecks;

/// <summary>How a read of a kernel file went: a check turns anything but Read into UNKNOWN.</summary>
internal enum KernelFileState
{
    Read,
    Missing,
    Failed,
}

internal static class KernelFileRead
{
    /// <summary>
    /// Reads <paramref name="file"/>; an I/O error becomes <paramref name="problem"/> instead of an
    /// exception, so a broken file is one UNKNOWN result per evaluation and never a log storm.
    /// </summary>
    public static KernelFileState TryRead(ProcFile file, out ReadOnlySpan<byte> text, out string problem)
    {
        problem = "";
        try
        {
            if (file.TryRead(out text))
            {
                return KernelFileState.Read;
            }
            problem = $"{file.Path} does not exist";
            return KernelFileState.Missing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = default;
            problem = $"could not read {file.Path}: {e.Message}";
            return KernelFileState.Failed;
        }
    }
}
