using System.Globalization;

namespace Warden.Benchmarks;

/// <summary>"--name value" options of the measurement commands (fleet-footprint, tui-footprint, tui-allocations).</summary>
internal static class CommandOptions
{
    public static string? Text(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    public static string Text(string[] args, string name, string fallback) => Text(args, name) ?? fallback;

    public static int Option(string[] args, string name, int fallback) => Text(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static double Option(string[] args, string name, double fallback) => Text(args, name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
