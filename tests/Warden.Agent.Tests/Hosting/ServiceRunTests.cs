using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Warden.Agent.Hosting;

namespace Warden.Agent.Tests.Hosting;

public class ServiceRunTests
{
    [Fact]
    public async Task A_service_that_fails_stops_the_others_in_reverse_order_with_exit_code_1()
    {
        var stopped = new List<string>();
        BackgroundService[] services = [new WaitsForStop("first", stopped), new Fails(), new WaitsForStop("third", stopped)];

        var exitCode = await ServiceRun.RunAsync(services, NullLogger.Instance).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Equal(["third", "first"], stopped);
    }

    private sealed class WaitsForStop(string name, List<string> stopped) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                lock (stopped)
                {
                    stopped.Add(name);
                }
            }
        }
    }

    private sealed class Fails : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("broken");
        }
    }
}
