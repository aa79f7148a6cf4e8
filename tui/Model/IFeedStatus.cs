namespace Warden.Tui.Model;

/// <summary>How fresh the data on screen is: the banner and title marks the shell shows for any view.</summary>
internal interface IFeedStatus
{
    /// <summary>True while what is shown may be out of date (the stream dropped after data arrived).</summary>
    bool IsStale { get; }

    /// <summary>A banner to show above everything, or null.</summary>
    string? Banner { get; }

    string StatusLine(string address);
}
