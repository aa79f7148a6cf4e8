using System.Net;
using Grpc.Core;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Admin;

/// <summary>admin.proto: what `warden-aggregator backup` asks of the running aggregator. Loopback callers only.</summary>
public sealed class AdminService(ISiteStore store, ILogger<AdminService> logger) : Proto.V1.Admin.AdminBase
{
    public override Task<BackupResponse> Backup(BackupRequest request, ServerCallContext context)
    {
        var peer = context.GetHttpContext().Connection.RemoteIpAddress;
        if (peer is null || !IPAddress.IsLoopback(peer))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "backup is served to callers on this machine (loopback) only"));
        }
        var databasePath = store is LiteDbSiteStore lite ? lite.Path : "";
        if (BackupPath.Problem(request.Path, databasePath) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
        try
        {
            store.Backup(request.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"backup to {request.Path} failed: {e.Message}"));
        }
        var bytes = new FileInfo(request.Path).Length;
        Log.BackupWritten(logger, request.Path, bytes, context.Peer);
        return Task.FromResult(new BackupResponse { Path = request.Path, Bytes = (ulong)bytes });
    }
}
