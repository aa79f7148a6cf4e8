namespace Warden.Agent.Spool;

/// <summary>What lies at an offset of a segment: a whole record, the end, a torn tail, or damage.</summary>
internal enum SpoolFrameResult
{
    Complete,
    End,
    Incomplete,
    Corrupt,
}
