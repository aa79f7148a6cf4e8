using System.Globalization;

namespace Warden.Agent.Healing;

/// <summary>
/// Bounds an in-process heal action by its timeout on the injected clock. The deadline is armed before
/// the work starts, so a fake clock advanced right after the heal began still fires it.
/// </summary>
internal static class ActionDeadline
{
    public static async Task<HealActionResult> RunAsync(Func<CancellationToken, Task<string>> work, TimeSpan timeout, TimeProvider time, CancellationToken stopping)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopping);
        try
        {
            // WaitAsync too: blocking work (sync(2), a hung filesystem) cannot see the token itself.
            return new HealActionResult(false, await work(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new HealActionResult(true, string.Create(CultureInfo.InvariantCulture, $"gave up after {timeout.TotalSeconds:0.###} s"));
        }
    }
}
