using Warden.Proto.V1;

namespace Warden.Tui.Client;

/// <summary>
/// The console's operator calls beyond acknowledge and resolve: the report, the audit log,
/// silences and comments, each sent as the operator (metadata "warden-operator").
/// </summary>
internal sealed class ConsoleOperator(Operator.OperatorClient client, string? operatorName)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    // The aggregator reads the whole period's history for a report; give it longer than a listing.
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

    public Task<ResilienceReport> GetReportAsync(TimeSpan period) =>
        client.GetReportAsync(new GetReportRequest { SinceSeconds = (ulong)period.TotalSeconds }, ConsoleCallOptions.For(operatorName, ReportTimeout)).ResponseAsync;

    public Task<ListAuditResponse> ListAuditAsync() => client.ListAuditAsync(new ListAuditRequest(), Options()).ResponseAsync;

    public Task<ListSilencesResponse> ListSilencesAsync(bool includeExpired) =>
        client.ListSilencesAsync(new ListSilencesRequest { IncludeExpired = includeExpired }, Options()).ResponseAsync;

    public Task<SilenceInfo> SilenceAsync(SilenceRequest request) => client.SilenceAsync(request, Options()).ResponseAsync;

    public Task<SilenceInfo> ExpireSilenceAsync(ulong id, string comment) =>
        client.ExpireSilenceAsync(new ExpireSilenceRequest { Id = id, Comment = comment }, Options()).ResponseAsync;

    public Task<IncidentDetail> CommentAsync(ulong id, string text) =>
        client.CommentAsync(new CommentRequest { Id = id, Text = text }, Options()).ResponseAsync;

    private Grpc.Core.CallOptions Options() => ConsoleCallOptions.For(operatorName, CallTimeout);
}
