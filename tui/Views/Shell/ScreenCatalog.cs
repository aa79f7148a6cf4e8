namespace Warden.Tui.Views.Shell;

/// <summary>
/// The views `:name` can jump to. A view whose aggregator API does not exist yet is listed with the
/// reason, so the command bar can say so instead of failing; plugging it in later is one
/// <see cref="Add"/>.
/// </summary>
internal sealed class ScreenCatalog
{
    private readonly Dictionary<string, Func<IScreen>> _factories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ScreenWithArgument> _withArgument = new(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>A view that takes an argument (`:report 7d`); the factory returns null and a message for a bad one.</summary>
    public ScreenCatalog Add(string name, ScreenWithArgument factory)
    {
        _names.Add(name);
        _withArgument[name] = factory;
        return this;
    }

    public ScreenCatalog Unavailable(string name, string reason)
    {
        _names.Add(name);
        _unavailable[name] = reason;
        return this;
    }

    /// <summary>Opens the view a command names (`report 7d`); otherwise null and the message to show.</summary>
    public IScreen? Open(string command, out string message)
    {
        string[] words = command.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Open(words.Length > 0 ? words[0] : string.Empty, words.Length > 1 ? words[1] : string.Empty, out message);
    }

    /// <summary>
    /// Opens the named view given the words after its name: a view added with an argument takes them
    /// when it is made, any other view through <see cref="IScreen.Apply"/> (`:incidents p1 ack`);
    /// otherwise null and the message to show.
    /// </summary>
    public IScreen? Open(string name, string argument, out string message)
    {
        if (_withArgument.TryGetValue(name, out ScreenWithArgument? withArgument))
        {
            return withArgument(argument, out message);
        }

        if (_factories.TryGetValue(name, out Func<IScreen>? factory))
        {
            IScreen screen = factory();
            if (argument.Length > 0 && !screen.Apply(argument, out message))
            {
                screen.Dispose();
                return null;
            }

            message = string.Empty;
            return screen;
        }

        message = _unavailable.TryGetValue(name, out string? reason)
            ? $":{name} is not available: {reason}"
            : $"unknown view ':{name}' — try {string.Join(", ", _names.Select(n => ":" + n))}";
        return null;
    }
}

/// <summary>Opens a view given the text after its name (empty when none); null and why when that text is wrong.</summary>
internal delegate IScreen? ScreenWithArgument(string argument, out string message);
