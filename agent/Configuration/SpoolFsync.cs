namespace Warden.Agent.Configuration;

/// <summary>The spool's fsync policy ("Fsync" in the config file).</summary>
public enum SpoolFsync
{
    /// <summary>Every record is on the disk before the next step (slowest, survives power loss).</summary>
    Always,

    /// <summary>Synced at most every FsyncIntervalMs, checked as records are written.</summary>
    Batch,

    /// <summary>Left to the kernel's write-back; survives a crashed agent, not a power cut.</summary>
    Never,
}
