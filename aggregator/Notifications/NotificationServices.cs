namespace Warden.Aggregator.Notifications;

/// <summary>
/// How the aggregator composes notifications: one <see cref="NotificationDispatcher"/> is the
/// <see cref="INotificationDispatcher"/> the incident engine calls, and it both logs every notice
/// and delivers to the configured receivers (none: logged only). It runs as a hosted service, so
/// its receivers start with the aggregator and stop with it.
/// </summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, NotificationOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<NotificationCounters>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<INotificationDispatcher>(provider => provider.GetRequiredService<NotificationDispatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
