using Warden.Tui.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

return await WardenCommandLine.RunAsync(args, CliConsole.System, interrupt.Token);
