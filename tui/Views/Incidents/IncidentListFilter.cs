using System.IO.Enumeration;
using Warden.Proto.V1;
using Warden.Tui.Formatting;

namespace Warden.Tui.Views.Incidents;

/// <summary>
/// Which incidents the list shows, beyond the `/` text filter: severities, states, a host and a scope.
/// Set by the words after `:incidents` (`:incidents p1 ack host:web-*`), by 0-4 (toggle P0..P4) and
/// t (resolved too). Open and acknowledged incidents of every severity, host and scope by default.
/// </summary>
internal sealed class IncidentListFilter
{
    public const string Usage = "p0..p4 (that and more severe), open, ack, resolved, all, host:NAME (globs), scope:host|fleet|partition";

    private static readonly IncidentState[] Unresolved = [IncidentState.Open, IncidentState.Acknowledged];
    private readonly SortedSet<Severity> _severities = [];
    private readonly SortedSet<IncidentState> _states = [.. Unresolved];

    /// <summary>The host glob ("web-*"), or null for any host.</summary>
    public string? Host { get; private set; }

    public IncidentScope? Scope { get; private set; }

    /// <summary>
    /// Parses the words after `:incidents`; on a word it does not know, false and a message naming it
    /// (and nothing changes).
    /// </summary>
    public static bool TryParse(string text, out IncidentListFilter filter, out string error)
    {
        filter = new IncidentListFilter();
        error = string.Empty;
        var states = new SortedSet<IncidentState>();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!filter.TryApply(word.ToLowerInvariant(), states))
            {
                error = $"unknown incident filter '{word}': use {Usage}";
                return false;
            }
        }

        if (states.Count > 0)
        {
            filter._states.Clear();
            filter._states.UnionWith(states);
        }

        return true;
    }

    /// <summary>0-4: shows P0..P4 too, or no longer; with none toggled on, every severity shows.</summary>
    public void ToggleSeverity(Severity severity)
    {
        if (!_severities.Remove(severity))
        {
            _severities.Add(severity);
        }
    }

    /// <summary>t: resolved incidents too, or no longer.</summary>
    public void ToggleResolved()
    {
        if (!_states.Remove(IncidentState.Resolved))
        {
            _states.Add(IncidentState.Resolved);
        }
    }

    public bool Matches(IncidentSummary incident) =>
        (_severities.Count == 0 || _severities.Contains(incident.Severity))
        && _states.Contains(incident.State)
        && (Host is null || incident.Hosts.Any(h => FileSystemName.MatchesSimpleExpression(Host, h, ignoreCase: true)))
        && (Scope is null || incident.Scope == Scope);

    /// <summary>What is filtered, for the info line ("P0,P1 · acknowledged · host web-*"); empty by default.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (_severities.Count > 0)
        {
            parts.Add(string.Join(",", _severities.Select(IncidentWords.Severity)));
        }

        if (_states.SetEquals([.. Unresolved, IncidentState.Resolved]))
        {
            parts.Add("with resolved");
        }
        else if (!_states.SetEquals(Unresolved))
        {
            parts.Add(string.Join(",", _states.Select(IncidentWords.State)));
        }

        if (Host is not null)
        {
            parts.Add("host " + Host);
        }

        if (Scope is IncidentScope scope)
        {
            parts.Add("scope " + IncidentWords.Scope(scope));
        }

        return string.Join(" · ", parts);
    }

    private bool TryApply(string word, SortedSet<IncidentState> states)
    {
        switch (word)
        {
            case "open":
                states.Add(IncidentState.Open);
                return true;
            case "ack" or "acked" or "acknowledged":
                states.Add(IncidentState.Acknowledged);
                return true;
            case "resolved":
                states.Add(IncidentState.Resolved);
                return true;
            case "all":
                states.UnionWith([.. Unresolved, IncidentState.Resolved]);
                return true;
        }

        if (IncidentWords.ParseSeverity(word.ToUpperInvariant()) is Severity least)
        {
            // As `warden incidents --severity P1`: that severity and every more severe one.
            _severities.UnionWith(Enum.GetValues<Severity>().Where(s => s != Severity.Unspecified && s <= least));
            return true;
        }

        if (word.StartsWith("host:", StringComparison.Ordinal) && word.Length > 5)
        {
            Host = word[5..];
            return true;
        }

        if (word.StartsWith("scope:", StringComparison.Ordinal) && ParseScope(word[6..]) is IncidentScope scope)
        {
            Scope = scope;
            return true;
        }

        return false;
    }

    private static IncidentScope? ParseScope(string word) =>
        Enum.GetValues<IncidentScope>().Where(s => s != IncidentScope.Unspecified).Cast<IncidentScope?>().FirstOrDefault(s => IncidentWords.Scope(s!.Value) == word);
}
