using Grpc.Core;
using Warden.Aggregator.Reports;
using Warden.Proto.V1;

namespace Warden.Aggregator.Api;

/// <summary>GetReport: the resilience report over a period ending now (README.md, "Report").</summary>
public sealed partial class OperatorService
{
    public override Task<ResilienceReport> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var since = request.SinceSeconds == 0 ? ResilienceReporter.DefaultPeriod : TimeSpan.FromSeconds(Math.Min(request.SinceSeconds, (ulong)int.MaxValue));
        if (since > ResilienceReporter.LongestPeriod)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"since_seconds {request.SinceSeconds} is longer than the longest report period, {ResilienceReporter.LongestPeriod.TotalDays:0} days"));
        }

        return Task.FromResult(reports.Build(since));
    }
}
