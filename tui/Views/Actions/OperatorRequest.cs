using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views.Actions;

/// <summary>
/// One state-changing call from a key (acknowledge, comment, silence, expire): says it is sending,
/// then hands the answer to <c>done</c> on the UI thread, or shows why it failed. Never throws.
/// </summary>
internal static class OperatorRequest
{
    // async void on purpose: a key handler cannot wait; every outcome ends in a message.
    public static async void Send<T>(IScreenHost host, Action<Action> post, string sending, Func<Task<T>> call, Action<T> done, Func<string, string> failed)
    {
        host.Flash(sending);
        string why;
        try
        {
            T result = await call().ConfigureAwait(false);
            post(() => done(result));
            return;
        }
        catch (Exception ex) when (ConsoleFailure.Expected(ex))
        {
            why = ConsoleFailure.Describe(ex);
        }

        post(() => host.Flash(failed(why)));
    }
}
