using Grpc.Core;
using Grpc.Net.Client;
using LiteDB;
using Warden.Aggregator.Configuration;
using Warden.Aggregator.Storage;
using Warden.Proto.V1;

namespace Warden.Aggregator.Admin;

/// <summary>
/// `warden-aggregator backup PATH`: when an aggregator owns the database it is asked (Admin.Backup
/// on its Listen address, loopback) so the copy is consistent with ingest running; when none does,
/// this command opens the database itself, which also replays a log left by a crash.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(AggregatorOptions options, string path)
    {
        var destination = Path.GetFullPath(path);
        if (BackupPath.Problem(destination, options.DatabasePath) is { } problem)
        {
            return Fail(problem, AggregatorCommandLine.ExitUsage);
        }
        var ownership = DatabaseOwnership.Acquire(Path.GetFullPath(options.DatabasePath));
        if (ownership is null)
        {
            return await AskRunningAggregatorAsync(options, destination);
        }
        ownership.Dispose();
        if (!File.Exists(options.DatabasePath))
        {
            return Fail($"database {Path.GetFullPath(options.DatabasePath)} does not exist", AggregatorCommandLine.ExitDatabase);
        }
        try
        {
            using var store = new LiteDbSiteStore(options.DatabasePath);
            store.Backup(destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException)
        {
            return Fail($"backup to {destination} failed: {e.Message}", AggregatorCommandLine.ExitDatabase);
        }
        Console.Out.WriteLine($"backup written to {destination} ({new FileInfo(destination).Length} bytes); no aggregator was running");
        return 0;
    }

    private static async Task<int> AskRunningAggregatorAsync(AggregatorOptions options, string destination)
    {
        using var channel = GrpcChannel.ForAddress(options.Listen);
        try
        {
            var reply = await new Proto.V1.Admin.AdminClient(channel).BackupAsync(new BackupRequest { Path = destination },
                deadline: DateTime.UtcNow.AddMinutes(10));
            Console.Out.WriteLine($"backup written to {reply.Path} ({reply.Bytes} bytes) by the running aggregator at {options.Listen}");
            return 0;
        }
        catch (RpcException e)
        {
            return Fail($"the database is held by a running aggregator, and asking it at {options.Listen} failed: {e.Status.StatusCode}: {e.Status.Detail}",
                AggregatorCommandLine.ExitDatabase);
        }
    }

    private static int Fail(string problem, int exit)
    {
        Console.Error.WriteLine($"warden-aggregator: {problem}");
        return exit;
    }
}
