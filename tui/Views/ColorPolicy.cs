namespace Warden.Tui.Views;

/// <summary>https://no-color.org: when NO_COLOR is present (any value), the app sets no colors of its own.</summary>
internal static class ColorPolicy
{
    public static bool ColorsAllowed(Func<string, string?> environment) => environment("NO_COLOR") is null;
}
