using Warden.Proto.V1;

namespace Warden.Tui.Views.Silence;

/// <summary>One way to silence what the operator is looking at: its name in the dialog and the matchers it sets.</summary>
internal sealed record SilenceScope(int Number, string Name, string Host, string Component, string Check, string Label)
{
    public string Matchers => SilenceWords.Matchers(Host, Component, Check, Label);

    /// <summary>Its values alone, short enough for the status line: "web-01 disk_space:/var", "rule=disk-full".</summary>
    public string Values => string.Join(' ', new[] { Host, Check.Length > 0 ? Check : Component, Label }.Where(v => v.Length > 0));

    public SilenceRequest Request(DateTimeOffset endsAt, string comment) => new()
    {
        Host = Host,
        Component = Component,
        Check = Check,
        Label = Label,
        EndsAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(endsAt),
        Comment = comment,
    };
}

/// <summary>
/// What `s` would silence: the host, component, check and a label of an incident or of a host's
/// selected check. Empty parts are not known here, so the scopes needing them are not offered.
/// </summary>
internal sealed record SilenceSubject(string Host, string Component, string Check, string Label)
{
    /// <summary>A fleet or partition incident has many hosts: "this host" is not one of its scopes.</summary>
    public static SilenceSubject Of(IncidentSummary incident) =>
        new(incident.Hosts.Count == 1 ? incident.Hosts[0] : string.Empty, incident.Component, incident.Check,
            incident.Rule.Length > 0 ? "rule=" + incident.Rule : string.Empty);

    public static SilenceSubject Of(string host, HostCheckState? check) =>
        new(host, check?.Component ?? string.Empty, check?.Check ?? string.Empty, string.Empty);

    /// <summary>The scopes that apply, numbered the same way everywhere: 1 host, 2 check, 3 host+check, 4 component, 5 label.</summary>
    public IReadOnlyList<SilenceScope> Scopes()
    {
        var scopes = new List<SilenceScope>();
        Add(scopes, Host.Length > 0, new(1, "host", Host, string.Empty, string.Empty, string.Empty));
        Add(scopes, Check.Length > 0, new(2, "check", string.Empty, Component, Check, string.Empty));
        Add(scopes, Host.Length > 0 && Check.Length > 0, new(3, "host+check", Host, Component, Check, string.Empty));
        Add(scopes, Component.Length > 0, new(4, "component", string.Empty, Component, string.Empty, string.Empty));
        Add(scopes, Label.Length > 0, new(5, "label", string.Empty, string.Empty, string.Empty, Label));
        return scopes;
    }

    private static void Add(List<SilenceScope> scopes, bool applies, SilenceScope scope)
    {
        if (applies)
        {
            scopes.Add(scope);
        }
    }
}
