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

    [Fact]
    public async Task A_stop_request_stops_every_service_in_reverse_order_with_exit_code_0()
    {
        var stopped = new List<string>();
        WaitsForStop[] services = [new WaitsForStop("first", stopped), new WaitsForStop("second", stopped)];
        using var stop = new CancellationTokenSource();

        var run = ServiceRun.RunAsync(services, NullLogger.Instance, stop.Token);
        await Task.WhenAll(services.Select(s => s.Running)).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["second", "first"], stopped);
    }

    private sealed class WaitsForStop(string name, List<string> stopped) : BackgroundService
    {
        private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Running => _running.Task;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            _running.SetResult();
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
