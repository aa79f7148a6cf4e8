namespace Warden.Agent.Checks.Exec;

/// <summary>
/// One performance data item of a Nagios plugin: 'label'=value[UOM];[warn];[crit];[min];[max].
/// Warn and crit stay as written, since they are ranges ("10", "10:", "~:10", "@10:20").
/// </summary>
/// <param name="Value">NaN when the plugin wrote "U" (it could not determine the value).</param>
/// <param name="Unit">"", "s", "ms", "us", "%", "B", "KB", "MB", "GB", "TB" or "c" (a counter).</param>
/// <param name="Min">NaN when absent.</param>
/// <param name="Max">NaN when absent.</param>
internal sealed record PerfDatum(string Label, double Value, string Unit, string Warn, string Crit, double Min, double Max);
