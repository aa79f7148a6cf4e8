namespace Warden.Tui.Views.Actions;

/// <summary>
/// A screen's read from the aggregator (report, audit log, silences): one call in flight at a time;
/// asking again meanwhile runs one more afterwards. Results land on the UI thread, never after
/// <see cref="Stop"/> (the screen is gone).
/// </summary>
internal sealed class RemoteLoad<T>(Func<Task<T>> fetch, Action<Action> post, Action<T> loaded, Action<string> failed)
{
    private bool _again;
    private bool _stopped;

    public bool Loading { get; private set; }

    public void Start()
    {
        if (_stopped)
        {
            return;
        }

        if (Loading)
        {
            _again = true;
            return;
        }

        Run();
    }

    public void Stop() => _stopped = true;

    // async void on purpose: screens ask from Refresh and key handlers, which cannot wait.
    private async void Run()
    {
        Loading = true;
        T? result = default;
        string? failure = null;
        try
        {
            result = await fetch().ConfigureAwait(false);
        }
        catch (Exception ex) when (ConsoleFailure.Expected(ex))
        {
            failure = ConsoleFailure.Describe(ex);
        }

        post(() =>
        {
            Loading = false;
            if (_stopped)
            {
                return;
            }

            if (failure is null)
            {
                loaded(result!);
            }
            else
            {
                failed(failure);
            }

            if (_again)
            {
                _again = false;
                Start();
            }
        });
    }
}
