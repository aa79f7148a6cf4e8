namespace Warden.Agent.Spool;

/// <summary>What a spooled record holds; under quota pressure samples go first, events are kept.</summary>
internal enum SpoolRecordKind : byte
{
    Samples = 1,
    Events = 2,
}
