namespace Warden.Tui.Views.Shell;

/// <summary>
/// The views `:name` can jump to. A view whose aggregator API does not exist yet is listed with the
/// reason, so the command bar can say so instead of failing; plugging it in later is one
/// <see cref="Add"/>.
/// </summary>
internal sealed class ScreenCatalog
{
    private readonly Dictionary<string, Func<IScreen>> _factories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _unavailable = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public ScreenCatalog Add(string name, Func<IScreen> factory, params string[] aliases)
    {
        _names.Add(name);
        foreach (string key in aliases.Prepend(name))
        {
            _factories[key] = factory;
        }

        return this;
    }

    public ScreenCatalog Unavailable(string name, string reason)
    {
        _names.Add(name);
        _unavailable[name] = reason;
        return this;
    }

    /// <summary>Opens the named view; otherwise null and the message to show.</summary>
    public IScreen? Open(string name, out string message)
    {
        if (_factories.TryGetValue(name, out Func<IScreen>? factory))
        {
            message = string.Empty;
            return factory();
        }

        message = _unavailable.TryGetValue(name, out string? reason)
            ? $":{name} is not available: {reason}"
            : $"unknown view ':{name}' — try {string.Join(", ", _names.Select(n => ":" + n))}";
        return null;
    }
}
