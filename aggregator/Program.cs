using Warden.Aggregator;

return await AggregatorCommandLine.RunAsync(args);
