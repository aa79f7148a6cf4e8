namespace Warden.EndToEnd.Tests.Harness;

/// <summary>
/// Polls a condition on real processes until it holds or a deadline passes. Only for end-to-end
/// tests, where real time is what the programs run on; unit tests advance fake clocks instead.
/// </summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(45));
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var value = await probe();
                if (value is not null)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is Grpc.Core.RpcException or IOException or HttpRequestException)
            {
                last = e;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"gave up waiting for {what}; last error: {last?.Message ?? "none"}\n{diagnostics?.Invoke()}");
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? within = null, Func<string>? diagnostics = null) =>
        await GetAsync<object>(async () => await probe() ? true : null, what, within, diagnostics);
}
