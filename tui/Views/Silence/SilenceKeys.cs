using Warden.Proto.V1;
using Warden.Tui.Cli;
using Warden.Tui.Client;
using Warden.Tui.Views.Actions;
using Warden.Tui.Views.Shell;

namespace Warden.Tui.Views.Silence;

/// <summary>
/// `s` wherever something can be silenced (incident list, incident page, host view): a short dialog
/// in the status line, one question at a time, for how long, which scope and why, then a
/// confirmation, then one Silence call as the operator. The silence ends at the aggregator's now
/// plus the duration, so a skewed local clock does not shorten it.
/// </summary>
internal sealed class SilenceKeys(ConsoleOperator calls, Action<Action> post, Func<DateTimeOffset> serverNow)
{
    public static readonly KeyHelp Help = new("s", "silence it: for how long, which scope, why (asks first)");

    /// <summary>Starts the dialog, or says why there is none (no operator API, read-only, nothing to silence).</summary>
    public static void Offer(SilenceKeys? keys, SilenceSubject subject, IScreenHost host)
    {
        if (keys is null)
        {
            host.Flash("silences need the operator API, which this console was started without");
        }
        else if (host.ReadOnly)
        {
            host.Flash("read-only: silencing is not allowed");
        }
        else if (subject.Scopes() is { Count: > 0 } scopes)
        {
            keys.AskDuration(scopes, host);
        }
        else
        {
            host.Flash("nothing here to silence");
        }
    }

    private void AskDuration(IReadOnlyList<SilenceScope> scopes, IScreenHost host) =>
        host.Prompt("silence for how long (30m, 2h, 1d):", text =>
        {
            if (!DurationText.TryParse(text, out TimeSpan duration))
            {
                host.Flash($"silence: '{text}' is not a duration like 30m, 2h or 1d (at most {DurationText.Longest.TotalDays:0}d)");
            }
            else if (scopes.Count == 1)
            {
                AskComment(scopes[0], duration, host);
            }
            else
            {
                AskScope(scopes, duration, host);
            }
        });

    private void AskScope(IReadOnlyList<SilenceScope> scopes, TimeSpan duration, IScreenHost host) =>
        host.Prompt($"scope {string.Join(", ", scopes.Select(s => $"{s.Number} {s.Name}"))}:", text =>
        {
            SilenceScope? scope = scopes.FirstOrDefault(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == text
                || string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase));
            if (scope is null)
            {
                host.Flash($"silence: '{text}' is not one of the scopes {string.Join(", ", scopes.Select(s => s.Number))}");
            }
            else
            {
                AskComment(scope, duration, host);
            }
        });

    private void AskComment(SilenceScope scope, TimeSpan duration, IScreenHost host) =>
        host.Prompt($"why silence {scope.Name} for {DurationWords.Of(duration)}:", comment =>
            host.Confirm($"silence {scope.Name} {scope.Values} for {DurationWords.Of(duration)}?", () => Send(scope, duration, comment, host)));

    private void Send(SilenceScope scope, TimeSpan duration, string comment, IScreenHost host)
    {
        SilenceRequest request = scope.Request(serverNow() + duration, comment);
        OperatorRequest.Send(host, post, $"silence {scope.Values}: sending…", () => calls.SilenceAsync(request),
            silence => host.Flash($"silence {silence.Id} by {silence.CreatedBy} until {SilenceWords.Until(silence)}Z: {SilenceWords.Matchers(silence)}"),
            why => $"not silenced: {why}");
    }
}
