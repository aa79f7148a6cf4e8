using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Warden.Aggregator.Notifications;

namespace Warden.Aggregator.Tests.Notifications;

public sealed class NotificationServicesTests
{
    [Fact]
    public async Task The_engines_dispatcher_is_the_hosted_one_that_logs_and_delivers()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddNotifications(NotificationTestBed.OptionsFor());
        await using var provider = services.BuildServiceProvider();

        var engineSide = provider.GetRequiredService<INotificationDispatcher>();
        var hosted = provider.GetServices<IHostedService>().Single();

        engineSide.Enqueue(NotificationTestBed.Notice("a"));

        Assert.IsType<NotificationDispatcher>(engineSide);
        Assert.Same(engineSide, hosted);
        Assert.Equal(1, provider.GetRequiredService<NotificationCounters>().Accepted);
    }
}
