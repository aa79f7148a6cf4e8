using Warden.Tui.Cli;

namespace Warden.Tui.Tests.Fixtures;

/// <summary>A CliConsole writing into strings, with a chosen environment.</summary>
internal sealed class CapturedConsole
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public CapturedConsole(IReadOnlyDictionary<string, string>? environment = null)
    {
        Console = new CliConsole(_out, _error, name => environment is not null && environment.TryGetValue(name, out string? v) ? v : null);
    }

    public CliConsole Console { get; }

    public string Out => _out.ToString();

    public string Error => _error.ToString();
}
