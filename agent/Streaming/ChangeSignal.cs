namespace Warden.Agent.Streaming;

/// <summary>
/// "Something changed" for one async consumer: take <see cref="Next"/> before looking at the state,
/// then await it; a change raised in between completes the task already taken, so none is missed.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly object _gate = new();
    private TaskCompletionSource _next = New();

    public Task Next
    {
        get { lock (_gate) { return _next.Task; } }
    }

    public void Raise()
    {
        TaskCompletionSource raised;
        lock (_gate)
        {
            raised = _next;
            _next = New();
        }
        raised.TrySetResult();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
