namespace Warden.Tui.Views.Tables;

/// <summary>A view that may leave cells unwritten when they look unchanged, and can be told to write them all.</summary>
internal interface IRepaintable
{
    /// <summary>Writes every cell on the next draw.</summary>
    void RepaintAll();
}
